package dev.tarn.cli;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.BatchTotals;
import dev.tarn.ingest.IngestJob;
import dev.tarn.ingest.IngestStats;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.maintain.MaintainJob;
import dev.tarn.maintain.MaintainLoop;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Stream landed log files of every source into panther_logs Delta tables")
public final class IngestCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--once", description = "Process what has landed, then exit (AvailableNow) instead of running continuously")
  boolean once;

  @Override
  public Integer call() throws Exception {
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-ingest");
    try {
      IngestJob job = new IngestJob(spark, config);
      for (SourceConfig source : config.sources()) {
        System.out.printf("source %s: %s%n", source.id(), source.location());
      }
      if (once) {
        print(job.runOnce());
      } else {
        System.out.println("ingesting every " + config.ingestTrigger().toSeconds() + " s; Ctrl-C to stop");
        job.start(false);
        // On one machine nothing else schedules maintenance, so continuous ingest does it (maintain.interval).
        try (MaintainLoop maintain = MaintainLoop.start(spark, job.lake(), config.maintain()).orElse(null)) {
          if (maintain != null) {
            System.out.println("maintaining the lake every " + MaintainJob.format(config.maintain().interval())
                + " (maintain.interval; 0 turns it off)");
          }
          // A failure of any source's query stops the job (and is reported) rather than going unnoticed.
          spark.streams().awaitAnyTermination();
        }
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  static void print(IngestStats stats) {
    BatchTotals total = stats.total();
    System.out.printf("ingested %d files (%d bytes): %d events, %d lines quarantined, %d unreadable files%n",
        total.files(), total.bytes(), total.totalEvents(), total.quarantined(), total.fileErrors());
    total.events().forEach((type, n) -> System.out.printf("  %-24s %,d events%n", type, n));
  }
}
