package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.MaintainConfig;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.generate.ByteSize;
import dev.tarn.health.SystemFindings;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeInventory;
import dev.tarn.lake.LakeTables;
import dev.tarn.views.PantherViews;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tarn maintain}: for each Delta table, expires rows past their retention, compacts the partitions that
 * gathered small files, and VACUUMs, in that order (compacting rows about to expire would be wasted work). Each
 * table's outcome is one {@code tarn_system.job_runs} row; a table that fails is recorded and the others still run.
 * Every commit is retried on Delta conflicts, so it runs safely beside streaming ingest.
 */
public final class MaintainJob {
  public static final String JOB = "maintain";
  /** The databases whose tables maintain looks after when no table is named. */
  public static final List<String> DATABASES = List.of(Lake.LOGS_DB, FindingColumns.MATCHES_DB,
      FindingColumns.ERRORS_DB, PantherViews.CLOUDSECURITY_DB, Lake.SYSTEM_DB, SystemFindings.DATABASE);
  private static final Logger LOG = LoggerFactory.getLogger(MaintainJob.class);

  private final SparkSession spark;
  private final Lake lake;
  private final MaintainConfig config;
  private final Clock clock;
  private final LakeTables tables;

  public MaintainJob(SparkSession spark, Lake lake, MaintainConfig config, Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.tables = new LakeTables(spark, lake);
  }

  /**
   * The tables a run works on.
   *
   * @throws IllegalArgumentException when a named table does not exist
   */
  public List<TableRef> targets(MaintainOptions options) {
    LakeInventory inventory = new LakeInventory(lake, spark.sparkContext().hadoopConfiguration());
    if (options.tables().isEmpty()) {
      return inventory.tables(DATABASES).stream().map(TableRef::of).toList();
    }
    return options.tables().stream().map(name -> resolve(inventory, name)).distinct().toList();
  }

  private TableRef resolve(LakeInventory inventory, String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("--table " + name + ": expected database.table, such as "
          + "panther_logs.aws_cloudtrail");
    }
    return inventory.table(parts[0], parts[1]).map(TableRef::of).orElseThrow(() -> new IllegalArgumentException(
        "--table " + name + ": no Delta table at " + lake.tablePath(parts[0], parts[1]) + " (tables in the lake: "
            + inventory.tables().stream().map(LakeInventory.LakeTable::qualifiedName).toList() + ")"));
  }

  public MaintainReport run(MaintainOptions options) {
    String runId = UUID.randomUUID().toString();
    List<TableOutcome> outcomes = new ArrayList<>();
    for (TableRef table : targets(options)) {
      Instant started = clock.instant();
      TableOutcome outcome = maintain(table, options);
      outcomes.add(outcome);
      if (!options.dryRun()) {
        JobRuns.append(spark, tables, JobRun.of(JOB, runId, table.name(), started, clock.instant(),
            outcome.status(), outcome.message(), outcome.metrics()));
      }
    }
    return new MaintainReport(runId, outcomes);
  }

  private TableOutcome maintain(TableRef table, MaintainOptions options) {
    ConflictRetry retry = ConflictRetry.defaults();
    Map<String, Long> metrics = new LinkedHashMap<>();
    List<String> summary = new ArrayList<>();
    List<String> plan = new ArrayList<>();
    String step = "reading the table";
    try {
      if (!options.skipRetention()) {
        step = "retention";
        expire(table, options.dryRun(), retry, metrics, summary, plan);
      }
      if (!options.skipOptimize()) {
        step = "compaction";
        compact(table, options.dryRun(), retry, metrics, summary, plan);
      }
      if (!options.skipVacuum()) {
        step = "vacuum";
        Duration retention = options.vacuumRetention() != null ? options.vacuumRetention()
            : config.vacuumRetention();
        vacuum(table, retention, options.force(), options.dryRun(), retry, metrics, summary, plan);
      }
      metrics.put("conflicts_retried", retry.retries());
      String message = summary.isEmpty() ? "nothing to do" : String.join("; ", summary);
      return new TableOutcome(table, JobRun.SUCCEEDED, message, metrics, plan);
    } catch (RuntimeException e) {
      LOG.warn("maintain {} failed in {}", table.name(), step, e);
      metrics.put("conflicts_retried", retry.retries());
      summary.add("failed in " + step + ": " + firstLine(e));
      return new TableOutcome(table, JobRun.FAILED, String.join("; ", summary), metrics, plan);
    }
  }

  private void expire(TableRef table, boolean dryRun, ConflictRetry retry, Map<String, Long> metrics,
      List<String> summary, List<String> plan) {
    Optional<Duration> retention = config.retentionFor(table.table());
    // Retention is about events (log tables and their findings); Tarn's bookkeeping keeps its own history.
    if (retention.isEmpty() || table.database().equals(Lake.SYSTEM_DB)
        || !Expiry.applies(TableSnapshot.latest(spark, table.path()))) {
      return;
    }
    Expiry.Result r = new Expiry(spark, retry).run(table, clock.instant().minus(retention.get()), dryRun);
    metrics.put("rows_expired", r.rows());
    metrics.put("files_expired", r.files());
    metrics.put("bytes_expired", r.bytes());
    if (dryRun) {
      plan.add("expire rows with p_event_time before " + r.cutoff() + " (retention " + format(retention.get())
          + "): " + r.rows() + " rows; whole partitions hold " + r.files() + " files, " + ByteSize.format(r.bytes()));
    } else if (r.rows() > 0 || r.files() > 0) {
      summary.add("expired " + r.rows() + " rows before " + r.cutoff() + " (" + r.files() + " files, "
          + ByteSize.format(r.bytes()) + ", freed at VACUUM after its retention)");
    }
  }

  private void compact(TableRef table, boolean dryRun, ConflictRetry retry, Map<String, Long> metrics,
      List<String> summary, List<String> plan) {
    Compaction.Result r = new Compaction(spark, retry, config.smallFileBytes(), config.minSmallFiles())
        .run(table, config.zorderFor(table.table()), dryRun);
    String how = r.zorderBy().isEmpty() ? "" : " ZORDER BY " + String.join(", ", r.zorderBy());
    if (dryRun) {
      for (PartitionFiles p : r.partitions()) {
        plan.add("optimize " + p.label() + ": " + p.smallFiles() + " small files, " + ByteSize.format(p.smallBytes())
            + how);
      }
      return;
    }
    metrics.put("partitions_optimized", (long) r.partitions().size());
    metrics.put("files_compacted", r.filesRemoved());
    metrics.put("files_added", r.filesAdded());
    metrics.put("bytes_compacted", r.bytesRemoved());
    metrics.put("bytes_added", r.bytesAdded());
    if (!r.partitions().isEmpty()) {
      summary.add("optimized " + r.partitions().size() + " partitions" + how + ": " + r.filesRemoved()
          + " files (" + ByteSize.format(r.bytesRemoved()) + ") into " + r.filesAdded()
          + (r.note() == null ? "" : " (" + r.note() + ")"));
    }
  }

  private void vacuum(TableRef table, Duration retention, boolean force, boolean dryRun, ConflictRetry retry,
      Map<String, Long> metrics, List<String> summary, List<String> plan) {
    Vacuum.Result r = new Vacuum(spark, retry).run(table, retention, force, dryRun);
    metrics.put("files_vacuumed", r.files());
    metrics.put("bytes_vacuumed", r.bytes());
    if (dryRun) {
      plan.add("vacuum (retention " + format(retention) + "): " + r.files() + " files, " + ByteSize.format(r.bytes()));
    } else if (r.files() > 0) {
      summary.add("vacuumed " + r.files() + " files (" + ByteSize.format(r.bytes()) + ")");
    }
  }

  /** {@code 7d}, {@code 36h}, {@code 90s}: how durations are written in tarn.yaml. */
  public static String format(Duration d) {
    if (d.toHours() >= 24 && d.toHours() % 24 == 0 && d.toMillis() % 3_600_000 == 0) {
      return d.toDays() + "d";
    }
    return d.toMillis() % 3_600_000 == 0 ? d.toHours() + "h" : d.toSeconds() + "s";
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
