package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.health.HealthSignals;
import dev.tarn.health.SignalCollector;
import dev.tarn.health.StatusScreen;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show Tarn's state on one screen: each job's latest run and outcome, ingest lag per source,",
        "events per log type in the last hour and day, quarantined lines, sources silent longer than their",
        "expected interval (health.silentAfter), the alerts service's health and dead-lettered deliveries.",
        "Exit code: 0, also when something is unhealthy (tarn health raises alarms); 2 when the lake cannot be read."})
public final class StatusCommand implements Callable<Integer> {
  enum Format { text, json }

  @Mixin
  GlobalOptions global;

  @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text)")
  Format format = Format.text;

  @Override
  public Integer call() {
    TarnConfig config = global.load();
    Lake lake = new Lake(config.lakeUri());
    // Checked before the session starts: a local session creates its metastore directory under the lake root.
    ExistingLake.require(lake);
    return TarnSpark.withSession(lake, "tarn-status", spark -> run(spark, lake, config, Clock.systemUTC()));
  }

  int run(SparkSession spark, Lake lake, TarnConfig config, Clock clock) {
    HealthSignals signals = new SignalCollector(spark, lake, config.sources(), config.health(), clock).collect();
    StatusScreen screen = new StatusScreen(signals, lake.root());
    System.out.print(format == Format.json ? screen.json() + "\n" : screen.text());
    return 0;
  }
}
