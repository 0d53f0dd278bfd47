package dev.tarn.requeue;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;

import dev.tarn.classify.LogType;
import dev.tarn.classify.StandardColumns;
import dev.tarn.cli.UserException;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.LakeWrites;
import dev.tarn.ingest.MicroBatchIngest;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.lake.SystemTables;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.logtypes.LogTypeStore;
import io.delta.tables.DeltaTable;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;

/**
 * Re-parses quarantined lines with the current log types (after a schema fix) and moves those that now parse into
 * their log tables, with the {@code p_row_id} ingest would have given them; the rest stay quarantined with the new
 * reason. Rows are inserted only where their id is absent and quarantine is updated after the tables, so a run that
 * stops half way is completed by running it again, and a second run changes nothing.
 */
public final class RequeueJob {
  private final SparkSession spark;
  private final Lake lake;
  private final PrintStream out;

  public RequeueJob(SparkSession spark, TarnConfig config, PrintStream out) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = new Lake(requireNonNull(config, "config is null").lakeUri());
    this.out = requireNonNull(out, "out is null");
  }

  public RequeueResult run(RequeueOptions options) {
    Instant started = Instant.now();
    LakeTables tables = new LakeTables(spark, lake);
    LogTypeRegistry registry = new LogTypeStore(lake.root(), spark.sparkContext().hadoopConfiguration()).registry();
    if (options.logType() != null && registry.find(options.logType()).isEmpty()) {
      throw new UserException("--log-type " + options.logType() + ": no such log type (tarn logtypes list shows "
          + "them; custom types are named Custom.<Name>)");
    }
    String quarantinePath = tables.path(Lake.SYSTEM_DB, SystemTables.QUARANTINE);
    if (!DeltaTable.isDeltaTable(spark, quarantinePath)) {
      out.println("requeue: nothing is quarantined");
      return new RequeueResult(0, 0, Map.of(), 0, 0, 0, 0, options.dryRun());
    }
    Dataset<Row> selected = spark.read().format("delta").load(quarantinePath).where(selection(options))
        // One outcome per line: a file quarantined twice must not move its lines twice.
        .dropDuplicates("source_id", "file", "line");

    List<String> names = new ArrayList<>();
    if (options.logType() != null) {
      names.add(options.logType());
    } else {
      for (Row r : selected.select(explode(col("candidates"))).distinct().collectAsList()) {
        if (registry.find(r.getString(0)).isPresent()) {
          names.add(r.getString(0));
        }
      }
      names.sort(null);
    }
    RequeueLayout layout = new RequeueLayout(names);
    List<LogSchema> schemas = names.stream().map(registry::schema).toList();
    Map<String, LogType> types = new LinkedHashMap<>();
    schemas.forEach(s -> types.put(s.name(), LogTypeRegistry.compile(s)));
    // Lines of a file together and in order: one classifier per file, as ingest has.
    JavaRDD<InternalRow> rows = selected.repartition(col("file")).sortWithinPartitions("source_id", "file", "line")
        .javaRDD().mapPartitions(new LineReparser(layout, schemas, options.logType()));
    Dataset<Row> parsed = spark.internalCreateDataFrame(rows.rdd(), layout.sparkType(types), false)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> outcomes = slice(parsed, layout.outcomeKind());
      RequeueResult result = tally(parsed, layout, outcomes, options.dryRun());
      if (!options.dryRun()) {
        LakeWrites writes = new LakeWrites(spark, tables);
        for (String name : names) {
          if (result.events().getOrDefault(name, 0L) > 0) {
            LogType type = types.get(name);
            tables.ensure(Lake.LOGS_DB, type.tableName(), type.tableType(), StandardColumns.DATE,
                MicroBatchIngest.STATS_COLUMNS);
            writes.insertAbsent(slice(parsed, layout.tableKind(name)), Lake.LOGS_DB, type.tableName());
          }
        }
        if (result.requeued() + result.skipped() + result.reasonsChanged() > 0) {
          updateQuarantine(quarantinePath, outcomes);
        }
        JobRuns.append(spark, tables, new JobRun("requeue", "requeue-" + started.toEpochMilli(), options.sourceId(),
            null, started, Instant.now(), JobRun.SUCCEEDED, null, null, result.events(), null, 0L, summary(result),
            Map.of("selected", result.selected(), "requeued", result.requeued(), "events", result.totalEvents(),
                "skipped", result.skipped(), "still_quarantined", result.stillQuarantined(),
                "not_reparsable", result.notReparsable(), "reasons_changed", result.reasonsChanged())));
      }
      out.println((options.dryRun() ? "requeue (dry run, nothing written): " : "requeue: ") + summary(result));
      new TreeMap<>(result.events()).forEach((type, n) -> out.printf("  %-24s %,d events%n", type, n));
      return result;
    } finally {
      parsed.unpersist(false);
    }
  }

  private static Column selection(RequeueOptions options) {
    Column where = lit(true);
    if (options.sourceId() != null) {
      where = where.and(col("source_id").equalTo(lit(options.sourceId())));
    }
    if (options.since() != null) {
      // p_date is the quarantine day: the date bound prunes partitions, the time bound is exact.
      where = where.and(col("p_date").geq(to_date(lit(Timestamp.from(options.since())))))
          .and(col("quarantine_time").geq(lit(Timestamp.from(options.since()))));
    }
    if (options.logType() != null) {
      where = where.and(array_contains(col("candidates"), options.logType()));
    }
    return where;
  }

  private static Dataset<Row> slice(Dataset<Row> parsed, int kind) {
    return parsed.filter(col("kind").equalTo(kind)).select(col(RequeueLayout.column(kind) + ".*"));
  }

  private static RequeueResult tally(Dataset<Row> parsed, RequeueLayout layout, Dataset<Row> outcomes,
      boolean dryRun) {
    Map<String, Long> events = new TreeMap<>();
    for (Row r : parsed.groupBy("kind").count().collectAsList()) {
      int kind = r.getInt(0);
      if (kind != layout.outcomeKind()) {
        events.put(layout.logTypes().get(kind), r.getLong(1));
      }
    }
    long selected = 0;
    long requeued = 0;
    long skipped = 0;
    long failed = 0;
    long notReparsable = 0;
    long changed = 0;
    for (Row r : outcomes.groupBy("status").agg(count(lit(1)), sum(col("changed").cast("long"))).collectAsList()) {
      long n = r.getLong(1);
      selected += n;
      changed += r.isNullAt(2) ? 0 : r.getLong(2);
      switch (r.getString(0)) {
        case RequeueLayout.REQUEUED -> requeued = n;
        case RequeueLayout.SKIPPED -> skipped = n;
        case RequeueLayout.FAILED -> failed = n;
        default -> notReparsable = n;
      }
    }
    return new RequeueResult(selected, requeued, events, skipped, failed + notReparsable, notReparsable, changed,
        dryRun);
  }

  /** Deletes the lines that moved (or are now skipped) and rewrites the reasons that changed, in one commit. */
  private void updateQuarantine(String path, Dataset<Row> outcomes) {
    Dataset<Row> changes = outcomes.where(col("status").isin(RequeueLayout.REQUEUED, RequeueLayout.SKIPPED)
        .or(col("changed")));
    List<String> dates = changes.select("p_date").distinct().collectAsList().stream()
        .filter(r -> !r.isNullAt(0)).map(r -> "DATE'" + r.getDate(0) + "'").sorted().toList();
    String datePruning = dates.isEmpty() ? "" : "t.p_date IN (" + String.join(", ", dates) + ") AND ";
    DeltaTable.forPath(spark, path).as("t")
        .merge(changes.as("s"), datePruning + "t.p_date <=> s.p_date AND t.source_id = s.source_id "
            + "AND t.file = s.file AND t.line = s.line")
        .whenMatched("s.status IN ('" + RequeueLayout.REQUEUED + "', '" + RequeueLayout.SKIPPED + "')").delete()
        .whenMatched().updateExpr(Map.of("reason", "s.reason"))
        .execute();
  }

  private static String summary(RequeueResult r) {
    return String.format("%d quarantined lines selected: %d moved into log tables (%d events), %d now skipped "
            + "(header or comment), %d still quarantined (%d cannot be re-parsed from quarantine; their reason says "
            + "how to recover), %d reasons updated", r.selected(), r.requeued(), r.totalEvents(), r.skipped(),
        r.stillQuarantined(), r.notReparsable(), r.reasonsChanged());
  }
}
