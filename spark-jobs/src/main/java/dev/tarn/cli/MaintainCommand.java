package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.maintain.MaintainJob;
import dev.tarn.maintain.MaintainOptions;
import dev.tarn.maintain.MaintainReport;
import dev.tarn.maintain.TableOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = {"Keep the lake's Delta tables healthy, once (for orchestrators): delete rows past their "
        + "retention, OPTIMIZE (ZORDER) partitions that gathered small files, VACUUM old files.",
        "Exit status: 0 all tables done, 1 a table failed (recorded in tarn_system.job_runs), 2 a usage error."})
public final class MaintainCommand implements Callable<Integer> {
  /** Delta's default delta.deletedFileRetentionDuration. */
  private static final Duration DELTA_SAFETY_LIMIT = Duration.ofHours(168);

  @Mixin
  GlobalOptions global;

  @Option(names = "--table", paramLabel = "DB.TABLE",
      description = "Maintain only these tables (repeatable; default: every table of panther_logs, "
          + "panther_rule_matches, panther_rule_errors and tarn_system)")
  List<String> tables = new ArrayList<>();

  @Option(names = "--dry-run", description = "Print what would be done; commit, delete and record nothing")
  boolean dryRun;

  @Option(names = "--vacuum-retention", paramLabel = "DURATION",
      description = "Keep removed files this long, e.g. 168h or 7d (default: maintain.vacuumRetention, 168h)")
  String vacuumRetention;

  @Option(names = "--force", description = "Allow a VACUUM retention below Delta's safety limit (168h)")
  boolean force;

  @Option(names = "--skip-vacuum", description = "Do not VACUUM")
  boolean skipVacuum;

  @Option(names = "--skip-optimize", description = "Do not OPTIMIZE")
  boolean skipOptimize;

  @Option(names = "--skip-retention", description = "Do not delete rows past their retention")
  boolean skipRetention;

  @Override
  public Integer call() {
    if (vacuumRetention != null) {
      // Parsed and checked like the config key, with the same error for a bad value.
      global.overrides.add("maintain.vacuumRetention=" + vacuumRetention);
    }
    TarnConfig config = global.load();
    Duration retention = config.maintain().vacuumRetention();
    if (!skipVacuum && !force && retention.compareTo(DELTA_SAFETY_LIMIT) < 0) {
      throw new UserException("VACUUM retention " + MaintainJob.format(retention) + " is below Delta's safety limit of 168h "
          + "(delta.deletedFileRetentionDuration): files that running queries, streams or writers still read could "
          + "be deleted. Use --vacuum-retention 168h or more, --skip-vacuum, or --force if nothing reads older "
          + "versions of the tables.");
    }
    MaintainOptions options = new MaintainOptions(tables, dryRun, retention, force, skipVacuum, skipOptimize,
        skipRetention);
    SparkSession spark = TarnSpark.session(new Lake(config.lakeUri()), "tarn-maintain");
    try {
      MaintainJob job = new MaintainJob(spark, new Lake(config.lakeUri()), config.maintain(), Clock.systemUTC());
      try {
        job.targets(options);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      MaintainReport report = job.run(options);
      print(report, dryRun);
      return report.failed() ? 1 : 0;
    } finally {
      spark.stop();
    }
  }

  static void print(MaintainReport report, boolean dryRun) {
    System.out.printf("maintain%s: %d tables%n", dryRun ? " (dry run, nothing changed)" : "", report.tables().size());
    for (TableOutcome t : report.tables()) {
      System.out.printf("  %-48s %-9s %s%n", t.table().name(), t.status(), dryRun && !t.failed() ? "" : t.message());
      t.plan().forEach(line -> System.out.println("      " + line));
    }
    if (!dryRun) {
      long rows = report.tables().stream().mapToLong(t -> t.metric("rows_expired")).sum();
      long bytes = report.tables().stream().mapToLong(t -> t.metric("bytes_vacuumed")).sum();
      long partitions = report.tables().stream().mapToLong(t -> t.metric("partitions_optimized")).sum();
      System.out.printf("total: %d partitions optimized, %d rows expired, %s vacuumed%n", partitions, rows,
          dev.tarn.generate.ByteSize.format(bytes));
    }
  }
}
