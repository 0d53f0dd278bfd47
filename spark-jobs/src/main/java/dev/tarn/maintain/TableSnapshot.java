package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The current state of a Delta table as maintain needs it. This is the one place that uses Delta's internal
 * {@code DeltaLog}: the public {@code DeltaTable} API does not list a table's active files with their sizes,
 * partition values and statistics, which is what choosing partitions by small-file count needs.
 */
final class TableSnapshot {
  private final Snapshot snapshot;

  private TableSnapshot(Snapshot snapshot) {
    this.snapshot = requireNonNull(snapshot, "snapshot is null");
  }

  /** The latest snapshot (reads any commits made since the table was last opened in this session). */
  static TableSnapshot latest(SparkSession spark, String path) {
    return new TableSnapshot(DeltaLog.forTableWithSnapshot(spark, path)._2());
  }

  long version() {
    return snapshot.version();
  }

  List<String> partitionColumns() {
    return List.copyOf(JavaConverters.seqAsJavaList(snapshot.metadata().partitionColumns()));
  }

  StructType schema() {
    return snapshot.schema();
  }

  boolean hasColumn(String name) {
    return List.of(schema().fieldNames()).contains(name);
  }

  /** The table's {@code delta.deletedFileRetentionDuration}: VACUUM below it is unsafe for readers and writers. */
  long deletedFileRetentionMillis() {
    return DeltaLog.tombstoneRetentionMillis(snapshot.metadata());
  }

  /**
   * The active data files: {@code path}, {@code partitionValues} (map of column to string value), {@code size},
   * {@code modificationTime}, {@code stats} (JSON with numRecords, minValues, maxValues, nullCount), ...
   */
  Dataset<Row> files() {
    return snapshot.allFiles().toDF();
  }
}
