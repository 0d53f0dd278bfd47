package dev.tarn.cli;

import dev.tarn.backfill.BackfillJob;
import dev.tarn.backfill.BackfillOptions;
import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backfill", mixinStandardHelpOptions = true,
    description = {"Ingest files already under a prefix of a source's location (Panther's s3queue).",
        "Files already ingested are skipped unless --force; a forced re-run duplicates no row.",
        "--from/--to select files by the time in their key (a YYYYMMDDTHHMMSSZ or ISO timestamp in the name, "
            + "year=/month=/day=[/hour=] or YYYY/MM/DD[/HH] directories), else by modification time; a file is "
            + "taken when its day, hour or instant overlaps [from, to)."})
public final class BackfillCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--source", required = true, paramLabel = "ID", description = "Configured source to ingest for")
  String source;

  @Option(names = "--prefix", required = true, paramLabel = "PATH",
      description = "Directory or file relative to the source location, or an absolute path/URI inside it")
  String prefix;

  @Option(names = "--from", paramLabel = "TIME", description = "Files with data from this time (ISO-8601, inclusive)")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Files with data before this time (ISO-8601, exclusive)")
  String to;

  @Option(names = "--rate", paramLabel = "FILES/S", description = "Pace: at most this many files per second")
  Double rate;

  @Option(names = "--force", description = "Ingest files already ingested again (rows already there are kept, none duplicated)")
  boolean force;

  @Option(names = "--dry-run", description = "List what would be ingested; write nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    Instant start = from == null ? null : instant(from, "--from");
    Instant end = to == null ? null : instant(to, "--to");
    if (start != null && end != null && !start.isBefore(end)) {
      throw new UserException("--from " + from + " is not before --to " + to);
    }
    if (rate != null && !(rate > 0)) {
      throw new UserException("--rate " + rate + ": must be a number of files per second above 0");
    }
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-backfill");
    try {
      new BackfillJob(spark, config, System.out, System.console() != null)
          .run(new BackfillOptions(source, prefix, start, end, rate, force, dryRun));
      return 0;
    } finally {
      spark.stop();
    }
  }

  /** An ISO-8601 instant, or a date meaning its start (UTC). */
  static Instant instant(String text, String option) {
    try {
      return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
    } catch (DateTimeParseException e) {
      throw new UserException(option + " " + text + ": not a time (use ISO-8601, e.g. 2024-05-01 or "
          + "2024-05-01T10:00:00Z)");
    }
  }
}
