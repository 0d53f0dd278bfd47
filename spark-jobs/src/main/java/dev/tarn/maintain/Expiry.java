package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_date;

import dev.tarn.classify.StandardColumns;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Deletes the rows of a table whose {@code p_event_time} is older than a cutoff. Whole expired {@code p_date}
 * partitions go in a DELETE on the partition column alone, which Delta commits from metadata (files are dropped,
 * nothing is rewritten); only the partition of the cutoff day is rewritten, and only if it holds expired rows. The
 * space comes back when VACUUM removes the dropped files after its retention.
 */
final class Expiry {
  private static final StructType MIN_EVENT_TIME = new StructType().add("minValues",
      new StructType().add(StandardColumns.EVENT_TIME, DataTypes.TimestampType));

  private final SparkSession spark;
  private final ConflictRetry retry;

  Expiry(SparkSession spark, ConflictRetry retry) {
    this.spark = requireNonNull(spark, "spark is null");
    this.retry = requireNonNull(retry, "retry is null");
  }

  /**
   * @param cutoff rows with an event time before it are expired
   * @param rows rows deleted (dry run: rows that would be)
   * @param files data files removed (dry run: files of whole expired partitions)
   * @param bytes bytes of the removed files less bytes rewritten; freed at VACUUM (dry run: bytes of whole expired
   *     partitions)
   */
  record Result(Instant cutoff, long rows, long files, long bytes) {}

  /** Whether the table has the columns retention works on: partitioned by p_date, with p_event_time. */
  static boolean applies(TableSnapshot snapshot) {
    return snapshot.partitionColumns().equals(List.of(StandardColumns.DATE))
        && snapshot.hasColumn(StandardColumns.EVENT_TIME);
  }

  Result run(TableRef table, Instant cutoff, boolean dryRun) {
    LocalDate day = cutoff.atOffset(ZoneOffset.UTC).toLocalDate();
    TableSnapshot snapshot = TableSnapshot.latest(spark, table.path());
    Column fileDay = to_date(col("partitionValues").getItem(StandardColumns.DATE));
    Dataset<Row> files = snapshot.files();
    Row whole = files.where(fileDay.lt(lit(day.toString()).cast("date")))
        .selectExpr("count(*)", "coalesce(sum(size), 0)").first();
    // Statistics tell which files of the cutoff day hold expired rows; a file without them might.
    Column minTime = from_json(col("stats"), MIN_EVENT_TIME, Map.of()).getField("minValues")
        .getField(StandardColumns.EVENT_TIME);
    long boundaryFiles = files.where(fileDay.equalTo(lit(day.toString()).cast("date"))
        .and(minTime.isNull().or(minTime.lt(lit(Timestamp.from(cutoff)))))).count();
    Column wholeCondition = col(StandardColumns.DATE).lt(lit(day.toString()).cast("date"));
    Column boundaryCondition = col(StandardColumns.DATE).equalTo(lit(day.toString()).cast("date"))
        .and(col(StandardColumns.EVENT_TIME).lt(lit(Timestamp.from(cutoff))));
    if (dryRun) {
      long rows = whole.getLong(0) + boundaryFiles == 0 ? 0
          : spark.read().format("delta").load(table.path()).where(wholeCondition.or(boundaryCondition)).count();
      return new Result(cutoff, rows, whole.getLong(0), whole.getLong(1));
    }
    long before = snapshot.version();
    if (whole.getLong(0) > 0) {
      retry.run("DELETE expired partitions of " + table.name(),
          () -> DeltaTable.forPath(spark, table.path()).delete(wholeCondition));
    }
    if (boundaryFiles > 0) {
      retry.run("DELETE expired rows of " + table.name() + " on " + day,
          () -> DeltaTable.forPath(spark, table.path()).delete(boundaryCondition));
    }
    return deleted(table, before, cutoff);
  }

  /** Sums the metrics Delta recorded for the DELETE commits after {@code version} (ingest never deletes). */
  private Result deleted(TableRef table, long version, Instant cutoff) {
    List<Row> commits = DeltaTable.forPath(spark, table.path()).history()
        .where(col("version").gt(version).and(col("operation").equalTo("DELETE")))
        .select("operationMetrics").collectAsList();
    long rows = 0;
    long files = 0;
    long bytes = 0;
    for (Row commit : commits) {
      Map<String, String> m = commit.getJavaMap(0);
      rows += metric(m, "numDeletedRows");
      files += metric(m, "numRemovedFiles");
      bytes += metric(m, "numRemovedBytes") - metric(m, "numAddedBytes");
    }
    return new Result(cutoff, rows, files, bytes);
  }

  private static long metric(Map<String, String> metrics, String name) {
    String value = metrics == null ? null : metrics.get(name);
    return value == null ? 0 : Long.parseLong(value);
  }
}
