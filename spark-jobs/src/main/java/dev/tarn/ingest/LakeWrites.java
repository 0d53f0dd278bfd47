package dev.tarn.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.StandardColumns;
import dev.tarn.lake.LakeTables;
import io.delta.tables.DeltaTable;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The three ways ingest writes to the lake. Streaming batches append with Delta's idempotent-write options, so a
 * re-run batch is skipped as already committed. Re-ingesting files (a forced backfill, the recovery of a crashed
 * one) and moving requeued lines cannot rely on a batch id, so they insert only the rows whose {@code p_row_id} is
 * absent (ids are deterministic: the same file line always gets the same id) and replace the files' bookkeeping
 * rows.
 */
public final class LakeWrites {
  private final SparkSession spark;
  private final LakeTables tables;

  public LakeWrites(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
  }

  /** Appends once per (appId, version): Delta skips the write when that version was already committed. */
  public void appendOnce(Dataset<Row> rows, String database, String table, String appId, long version,
      String partitionColumn) {
    rows.write().format("delta").mode("append")
        .option("txnAppId", appId + "/" + database + "." + table)
        .option("txnVersion", version)
        .option("mergeSchema", "true")
        .partitionBy(partitionColumn)
        .save(tables.path(database, table));
  }

  /**
   * Inserts the log rows whose {@code p_row_id} the table does not hold yet (a MERGE with only an insert clause).
   * The rows should be cached: their dates are read first so the MERGE touches only those {@code p_date}
   * partitions instead of the whole table. New columns (a log type updated since the table was written) are
   * added, as appends do.
   *
   * @return whether anything was merged (false when there were no rows)
   */
  public boolean insertAbsent(Dataset<Row> rows, String database, String table) {
    List<String> dates = rows.select(StandardColumns.DATE).distinct().collectAsList().stream()
        .filter(r -> !r.isNullAt(0)).map(r -> "DATE'" + r.getDate(0) + "'").sorted().toList();
    if (dates.isEmpty()) {
      return false;
    }
    String condition = "t." + StandardColumns.DATE + " IN (" + String.join(", ", dates) + ") AND t."
        + StandardColumns.DATE + " = s." + StandardColumns.DATE + " AND t." + StandardColumns.ROW_ID + " = s."
        + StandardColumns.ROW_ID;
    DeltaTable.forPath(spark, tables.path(database, table)).as("t")
        .merge(rows.as("s"), condition)
        .whenNotMatched().insertAll()
        .withSchemaEvolution()
        .execute();
    return true;
  }

  /**
   * Replaces the bookkeeping rows ({@code tarn_system.quarantine}, {@code ingest_files}) of the given files of
   * one source by {@code rows}: a re-ingested file keeps one set of rows, its latest. Delete then append: the
   * caller re-runs the whole re-ingest of these files if it stops in between.
   */
  public void replaceFileRows(Dataset<Row> rows, String database, String table, String partitionColumn,
      String sourceId, Collection<String> files) {
    if (!files.isEmpty()) {
      DeltaTable.forPath(spark, tables.path(database, table))
          .delete(col("source_id").equalTo(lit(sourceId)).and(col("file").isin(files.toArray())));
    }
    rows.write().format("delta").mode("append").option("mergeSchema", "true").partitionBy(partitionColumn)
        .save(tables.path(database, table));
  }
}
