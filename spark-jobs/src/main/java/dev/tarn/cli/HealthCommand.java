package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.health.FiredAlarm;
import dev.tarn.health.HealthJob;
import dev.tarn.health.HealthReport;
import dev.tarn.health.SystemFindings;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Evaluate Tarn's alarm rules (a job's latest run failed, ingest lag, quarantine growth,",
        "dead-lettered deliveries, a silent source, a volume anomaly) and append each firing alarm to",
        "tarn_system_errors.health, which the alerts service delivers like any alert. Thresholds: health.* keys",
        "(docs/health.md). Re-running within the same minute appends nothing.",
        "Exit code: 0 when healthy or the alarms were recorded; 2 for usage errors or an unreadable lake."})
public final class HealthCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Override
  public Integer call() {
    TarnConfig config = global.load();
    Lake lake = new Lake(config.lakeUri());
    // Checked before the session starts: a local session creates its metastore directory under the lake root.
    ExistingLake.require(lake);
    return TarnSpark.withSession(lake, "tarn-health", spark -> run(spark, lake, config, Clock.systemUTC()));
  }

  int run(SparkSession spark, Lake lake, TarnConfig config, Clock clock) {
    HealthReport report = new HealthJob(spark, lake, config, clock).run();
    for (FiredAlarm alarm : report.fired()) {
      System.out.printf("FIRED %-30s %-32s %s%n", alarm.rule().id(), alarm.subject(), alarm.title());
    }
    for (String problem : report.signals().problems()) {
      System.out.println("warning: " + problem);
    }
    System.out.printf("%d rules evaluated, %d alarms fired%s (run %s)%n", report.rulesEvaluated(),
        report.fired().size(), report.fired().isEmpty() ? "" : ", recorded in " + SystemFindings.DATABASE + "."
            + SystemFindings.TABLE, report.runId());
    return 0;
  }
}
