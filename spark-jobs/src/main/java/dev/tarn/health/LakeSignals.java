package dev.tarn.health;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.tarn.lake.Lake;
import dev.tarn.lake.SystemTables;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the signals Tarn's own bookkeeping tables hold: {@code tarn_system.job_runs}, {@code ingest_files} and
 * {@code quarantine}. Each read is an aggregate small enough for the driver (one row per job and target, per source,
 * per log type); a table that does not exist yet reads as empty.
 */
final class LakeSignals {
  /** Jobs whose runs' {@code events} counts are rows written to panther_logs. */
  static final List<String> WRITING_JOBS = List.of("ingest", "backfill", "requeue");

  private final SparkSession spark;
  private final Lake lake;

  LakeSignals(SparkSession spark, Lake lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** The latest run of each (job, target), most recently finished first. */
  List<JobStatus> latestRuns() {
    Optional<Dataset<Row>> runs = table(SystemTables.JOB_RUNS);
    if (runs.isEmpty()) {
      return List.of();
    }
    // max of a struct orders by its first field: the latest finished run of each group, with its outcome.
    List<Row> rows = runs.get().groupBy(col("job"), col("source_id"))
        .agg(max(struct(col("finished"), col("started"), col("status"), col("message"))).as("last"))
        .select(col("job"), col("source_id"), col("last.finished"), col("last.started"), col("last.status"),
            col("last.message"))
        .orderBy(col("finished").desc(), col("job"), col("source_id"))
        .collectAsList();
    List<JobStatus> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new JobStatus(r.getString(0), r.getString(1), instant(r.getTimestamp(3)),
          r.getTimestamp(2).toInstant(), r.getString(4), r.getString(5)));
    }
    return out;
  }

  /** Events written per log type by runs that finished within the last day, and the last hour. */
  List<LogTypeVolume> volumes(Instant now) {
    Optional<Dataset<Row>> runs = table(SystemTables.JOB_RUNS);
    if (runs.isEmpty()) {
      return List.of();
    }
    Timestamp hourAgo = Timestamp.from(now.minus(Duration.ofHours(1)));
    List<Row> rows = runs.get()
        .where(col("job").isin(WRITING_JOBS.toArray()).and(col("events").isNotNull())
            .and(col("finished").geq(lit(Timestamp.from(now.minus(Duration.ofDays(1))))))
            .and(col("finished").leq(lit(Timestamp.from(now)))))
        .select(col("finished"), explode(col("events")).as(new String[] {"log_type", "n"}))
        .groupBy(col("log_type"))
        .agg(sum(when(col("finished").geq(lit(hourAgo)), col("n")).otherwise(lit(0L))).as("hour"),
            sum(col("n")).as("day"))
        .orderBy(col("log_type"))
        .collectAsList();
    List<LogTypeVolume> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new LogTypeVolume(r.getString(0), r.getLong(1), r.getLong(2)));
    }
    return out;
  }

  /** When each source's newest file was ingested (sources with no file are absent). */
  Map<String, Instant> lastArrivals() {
    Optional<Dataset<Row>> files = table(SystemTables.INGEST_FILES);
    if (files.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> out = new LinkedHashMap<>();
    for (Row r : files.get().groupBy(col("source_id")).agg(max(col("finished"))).collectAsList()) {
      if (r.getString(0) != null && !r.isNullAt(1)) {
        out.put(r.getString(0), r.getTimestamp(1).toInstant());
      }
    }
    return out;
  }

  /** Per source, the files whose ingest finished at or after {@code since} (one read for every source). */
  Map<String, Set<String>> ingestedSince(Instant since) {
    Optional<Dataset<Row>> files = table(SystemTables.INGEST_FILES);
    if (files.isEmpty()) {
      return Map.of();
    }
    Map<String, Set<String>> out = new HashMap<>();
    for (Row r : files.get().where(col("finished").geq(lit(Timestamp.from(since))))
        .select(col("source_id"), col("file")).distinct().collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    return out;
  }

  /** Every quarantined line, and those quarantined since {@code since} per source. */
  QuarantineSignal quarantine(Instant since) {
    Optional<Dataset<Row>> quarantine = table(SystemTables.QUARANTINE);
    if (quarantine.isEmpty()) {
      return new QuarantineSignal(0, Map.of());
    }
    long total = quarantine.get().count();
    // The p_date bound lets Delta skip older partitions; a day's margin covers rows dated by another clock.
    Date fromDay = Date.valueOf(since.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1));
    Map<String, Long> growth = new LinkedHashMap<>();
    for (Row r : quarantine.get().where(col("p_date").geq(lit(fromDay))
            .and(col("quarantine_time").geq(lit(Timestamp.from(since)))))
        .groupBy(col("source_id")).count().orderBy(col("source_id")).collectAsList()) {
      growth.put(String.valueOf(r.get(0)), r.getLong(1));
    }
    return new QuarantineSignal(total, growth);
  }

  private Optional<Dataset<Row>> table(String name) {
    String path = lake.tablePath(Lake.SYSTEM_DB, name);
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return Optional.empty();
    }
    return Optional.of(spark.read().format("delta").load(path));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
