package dev.tarn.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.DetectJob;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"Run detections over panther_logs tables and write panther_rule_matches / panther_rule_errors.",
        "Without --from/--to it streams new rows (continuously, or with --once what is there now);",
        "with them it replays a time range (idempotent: a second replay writes nothing new)."})
public final class DetectCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--once", description = "Process the rows present now, then exit (AvailableNow)")
  boolean once;

  @Option(names = "--from", paramLabel = "TIME", description = "Replay events from this time (ISO-8601, inclusive)")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Replay events up to this time (ISO-8601, exclusive)")
  String to;

  @Option(names = "--rule", paramLabel = "ID", description = "Replay only this rule")
  String rule;

  @Override
  public Integer call() throws Exception {
    if ((from == null) != (to == null)) {
      throw new UserException("--from and --to go together (a replay needs both ends of the range)");
    }
    if (rule != null && from == null) {
      throw new UserException("--rule selects the rule of a replay; give --from and --to too");
    }
    TarnConfig config = global.load();
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-detect");
    try {
      DetectJob job = new DetectJob(spark, config);
      DetectJob.LoadedPack pack = job.load();
      printLoad(pack);
      if (from != null) {
        Instant start = instant(from, "--from");
        Instant end = instant(to, "--to");
        if (!start.isBefore(end)) {
          throw new UserException("--from " + from + " is not before --to " + to);
        }
        print(job.replay(start, end, rule));
      } else if (once) {
        print(job.runOnce());
      } else {
        System.out.println("detecting every " + config.detection().trigger().toSeconds() + " s; Ctrl-C to stop");
        job.runContinuously();
      }
      return 0;
    } finally {
      spark.stop();
    }
  }

  static void printLoad(DetectJob.LoadedPack pack) {
    System.out.printf("detections: %d loaded, %d not loaded%n", pack.loadedCount(), pack.problems().size());
    for (LoadProblem p : pack.problems()) {
      System.out.println("  not loaded: " + p);
    }
  }

  static void print(Map<String, ?> counts) {
    if (counts.isEmpty()) {
      System.out.println("no log table with enabled rules had rows to check");
    }
    counts.forEach((table, c) -> System.out.printf("  %-24s %s%n", table, c));
  }

  /** Matches per rule over every {@code panther_rule_matches} table. */
  static Dataset<Row> matchesByRule(SparkSession spark) {
    Dataset<Row> all = null;
    if (spark.catalog().databaseExists(FindingColumns.MATCHES_DB)) {
      for (Row t : spark.sql("SHOW TABLES IN " + FindingColumns.MATCHES_DB).collectAsList()) {
        Dataset<Row> one = spark.table(FindingColumns.MATCHES_DB + "." + t.getString(t.fieldIndex("tableName")))
            .select(col("p_log_type"), col(FindingColumns.RULE_ID), col(FindingColumns.ALERT_SEVERITY),
                col(FindingColumns.ALERT_TITLE));
        all = all == null ? one : all.unionByName(one);
      }
    }
    if (all == null) {
      return spark.sql("select 'no rule matches yet' as note");
    }
    return all.groupBy(FindingColumns.RULE_ID, FindingColumns.ALERT_SEVERITY, "p_log_type")
        .agg(count(lit(1)).as("matches"), first(FindingColumns.ALERT_TITLE).as("a_title"))
        .orderBy(col("matches").desc(), col(FindingColumns.RULE_ID));
  }

  private static Instant instant(String text, String option) {
    try {
      return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
    } catch (DateTimeParseException e) {
      throw new UserException(option + " " + text + ": not a time (use ISO-8601, e.g. 2024-05-01 or "
          + "2024-05-01T10:00:00Z)");
    }
  }
}
