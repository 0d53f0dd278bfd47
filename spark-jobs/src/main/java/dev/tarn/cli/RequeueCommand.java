package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.requeue.RequeueJob;
import dev.tarn.requeue.RequeueOptions;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "requeue", mixinStandardHelpOptions = true,
    description = {"Re-parse quarantined lines with the current log types (after a schema fix, e.g. tarn logtypes "
        + "update): lines that now parse move into their log tables, the rest stay with the new reason.",
        "Idempotent: a second run changes nothing. Lines kept only in part, or from unreadable files, cannot be "
            + "re-parsed; their reason names the tarn backfill --force command that re-ingests their file."})
public final class RequeueCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--quarantine", required = true,
      description = "Requeue lines from tarn_system.quarantine (the one queue there is)")
  boolean quarantine;

  @Option(names = "--log-type", paramLabel = "TYPE",
      description = "Only lines that had TYPE among their candidates, parsed with TYPE alone")
  String logType;

  @Option(names = "--since", paramLabel = "TIME", description = "Only lines quarantined at or after TIME (ISO-8601)")
  String since;

  @Option(names = "--source", paramLabel = "ID", description = "Only lines of this source")
  String source;

  @Option(names = "--dry-run", description = "Re-parse and report what would move; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    Instant from = since == null ? null : BackfillCommand.instant(since, "--since");
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-requeue");
    try {
      new RequeueJob(spark, config, System.out).run(new RequeueOptions(logType, from, source, dryRun));
      return 0;
    } finally {
      spark.stop();
    }
  }
}
