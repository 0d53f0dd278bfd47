package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.ScheduledJob;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "scheduled", mixinStandardHelpOptions = true,
    description = {"Run scheduled queries on their schedules and pass their rows to the scheduled rules that use them.",
        "--once runs what is due now and exits (for orchestrators); without it, runs as a local loop."})
public final class ScheduledCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--once", description = "Run the queries due now, then exit")
  boolean once;

  @Override
  public Integer call() throws Exception {
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-scheduled");
    try {
      ScheduledJob job = new ScheduledJob(spark, config, Clock.systemUTC());
      DetectCommand.printLoad(job.load());
      if (!once) {
        System.out.println("running scheduled queries on their schedules; Ctrl-C to stop");
        job.runContinuously();
        return 0;
      }
      List<ScheduledJob.QueryRun> runs = job.runDue();
      if (runs.isEmpty()) {
        System.out.println("no scheduled query is due");
      }
      boolean failed = false;
      for (ScheduledJob.QueryRun r : runs) {
        System.out.printf("  %-40s slot %s: %s, %d rows, %d matches, %d rule errors%s%s%n", r.query(), r.slot(),
            r.status(), r.rows(), r.matches(), r.errors(),
            r.skipped() > 0 ? ", " + r.skipped() + " missed slots skipped" : "",
            r.message() == null ? "" : " (" + r.message() + ")");
        failed |= !r.status().equals("succeeded");
      }
      return failed ? 1 : 0;
    } finally {
      spark.stop();
    }
  }
}
