package dev.tarn.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * Where a run's time went, stage by stage, from Spark's own task metrics: for {@code --stage-times}, to see which
 * part of a path (parse, cache, write, Delta log replay) is slow without attaching a profiler.
 */
final class StageTimes extends SparkListener {
  /** Stages shorter than this are summed into one line. */
  private static final long SHORT_MILLIS = 200;

  private record Stage(int id, String name, int tasks, long wallMillis, long runMillis, long cpuMillis, long gcMillis,
      long spilledBytes) {

    String line() {
      return String.format(Locale.ROOT, "      %6.1f s wall %6.1f s task %6.1f s cpu %4.1f s gc %4d tasks  stage %d %s%s",
          wallMillis / 1e3, runMillis / 1e3, cpuMillis / 1e3, gcMillis / 1e3, tasks, id, name,
          spilledBytes > 0 ? String.format(Locale.ROOT, " (spilled %,d MB to disk)", spilledBytes >> 20) : "");
    }
  }

  private final List<Stage> stages = new ArrayList<>();

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo info = event.stageInfo();
    TaskMetrics m = info.taskMetrics();
    long wall = info.completionTime().isDefined() && info.submissionTime().isDefined()
        ? (Long) info.completionTime().get() - (Long) info.submissionTime().get() : 0;
    stages.add(new Stage(info.stageId(), info.name(), info.numTasks(), wall, m.executorRunTime(),
        m.executorCpuTime() / 1_000_000, m.jvmGCTime(), m.diskBytesSpilled()));
  }

  synchronized void clear() {
    stages.clear();
  }

  /** The stages completed since the last {@link #clear()}, in the order they ran, and their sum. */
  synchronized List<String> report() {
    List<Stage> sorted = new ArrayList<>(stages);
    sorted.sort(Comparator.comparingInt(Stage::id));
    List<String> lines = new ArrayList<>();
    long wall = 0;
    long cpu = 0;
    int shortStages = 0;
    long shortWall = 0;
    for (Stage s : sorted) {
      wall += s.wallMillis();
      cpu += s.cpuMillis();
      if (s.wallMillis() < SHORT_MILLIS) {
        shortStages++;
        shortWall += s.wallMillis();
      } else {
        lines.add(s.line());
      }
    }
    if (shortStages > 0) {
      lines.add(String.format(Locale.ROOT, "      %6.1f s wall in %d stages shorter than %d ms each", shortWall / 1e3,
          shortStages, SHORT_MILLIS));
    }
    lines.add(String.format(Locale.ROOT, "      %6.1f s wall %6.1f s cpu in all %d stages (the rest of the run is "
        + "driver-side: planning, listing, Delta commits, metastore)", wall / 1e3, cpu / 1e3, stages.size()));
    return lines;
  }
}
