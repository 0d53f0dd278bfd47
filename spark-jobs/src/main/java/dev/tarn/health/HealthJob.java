package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/**
 * {@code tarn health}: reads the signals, evaluates the alarm rules and appends each firing one as a system finding
 * the alerts service delivers; records the run in {@code tarn_system.job_runs} (job {@value #JOB}).
 */
public final class HealthJob {
  public static final String JOB = "health";

  private final SparkSession spark;
  private final Lake lake;
  private final TarnConfig config;
  private final Clock clock;

  public HealthJob(SparkSession spark, Lake lake, TarnConfig config, Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public HealthReport run() {
    String runId = UUID.randomUUID().toString();
    Instant started = clock.instant();
    LakeTables tables = new LakeTables(spark, lake);
    try {
      SystemFindingsWriter writer = new SystemFindingsWriter(spark, tables, config.health());
      HealthSignals signals = new SignalCollector(spark, lake, config.sources(), config.health(), clock).collect();
      List<FiredAlarm> fired = new AlarmEvaluator(config.health()).evaluate(signals);
      writer.write(fired, signals.at());
      int evaluated = AlarmRule.values().length;
      Map<String, Long> metrics = new LinkedHashMap<>();
      metrics.put("rules_evaluated", (long) evaluated);
      metrics.put("alarms_fired", (long) fired.size());
      metrics.put("signal_problems", (long) signals.problems().size());
      for (FiredAlarm alarm : fired) {
        metrics.merge("fired." + alarm.rule().id(), 1L, Long::sum);
      }
      String summary = fired.isEmpty() ? "healthy" : fired.size() + " alarms fired";
      // A signal that could not be read is worth a look, but the alarms that could be judged were raised.
      JobRuns.append(spark, tables, JobRun.of(JOB, runId, null, started, clock.instant(),
          signals.problems().isEmpty() ? JobRun.SUCCEEDED : JobRun.SUCCEEDED_WITH_ERRORS,
          signals.problems().isEmpty() ? summary : summary + "; " + String.join("; ", signals.problems()),
          metrics));
      return new HealthReport(runId, signals, evaluated, fired);
    } catch (RuntimeException e) {
      try {
        JobRuns.append(spark, tables, JobRun.of(JOB, runId, null, started, clock.instant(), JobRun.FAILED,
            String.valueOf(e.getMessage()), null));
      } catch (RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
  }
}
