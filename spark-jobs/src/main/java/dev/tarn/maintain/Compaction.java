package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * OPTIMIZE (with ZORDER where it helps) of the partitions holding at least {@code minSmallFiles} files below
 * {@code smallFileBytes}. Counting small files rather than tracking "closed" partitions makes late data simple: a
 * compacted partition is left alone until enough new small files land in it, then it is compacted again.
 */
final class Compaction {
  private static final String ZORDER_WITHOUT_STATS = "DELTA_ZORDERING_ON_COLUMN_WITHOUT_STATS";

  private final SparkSession spark;
  private final ConflictRetry retry;
  private final long smallFileBytes;
  private final int minSmallFiles;

  Compaction(SparkSession spark, ConflictRetry retry, long smallFileBytes, int minSmallFiles) {
    this.spark = requireNonNull(spark, "spark is null");
    this.retry = requireNonNull(retry, "retry is null");
    this.smallFileBytes = smallFileBytes;
    this.minSmallFiles = minSmallFiles;
  }

  /**
   * @param partitions the partitions compacted (or, in a dry run, that would be)
   * @param zorderBy the ZORDER columns used; empty for plain compaction
   * @param note why ZORDER was not used although configured, or null
   */
  record Result(List<PartitionFiles> partitions, List<String> zorderBy, long filesRemoved, long filesAdded,
      long bytesRemoved, long bytesAdded, String note) {
    Result {
      partitions = List.copyOf(partitions);
      zorderBy = List.copyOf(zorderBy);
    }
  }

  /** The partitions that need compaction now, by small-file count. */
  List<PartitionFiles> eligible(TableSnapshot snapshot) {
    List<String> partitionColumns = snapshot.partitionColumns();
    List<Column> keys = new ArrayList<>();
    for (String c : partitionColumns) {
      // Grouping by the map column itself is not allowed in Spark; one column per partition column is.
      keys.add(col("partitionValues").getItem(c).as(c));
    }
    List<Row> rows = snapshot.files().where(col("size").lt(smallFileBytes))
        .groupBy(keys.toArray(Column[]::new))
        .agg(count("*").as("files"), sum("size").as("bytes"))
        .where(col("files").geq(minSmallFiles))
        .collectAsList();
    List<PartitionFiles> out = new ArrayList<>();
    for (Row row : rows) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < partitionColumns.size(); i++) {
        values.put(partitionColumns.get(i), row.isNullAt(i) ? null : row.getString(i));
      }
      int n = partitionColumns.size();
      out.add(new PartitionFiles(values, row.getLong(n), row.getLong(n + 1)));
    }
    out.sort((a, b) -> a.label().compareTo(b.label()));
    return out;
  }

  /** Compacts the eligible partitions of a table in one OPTIMIZE commit. */
  Result run(TableRef table, List<String> zorderWanted, boolean dryRun) {
    TableSnapshot snapshot = TableSnapshot.latest(spark, table.path());
    List<PartitionFiles> partitions = eligible(snapshot);
    List<String> zorderBy = zorderWanted.stream()
        .filter(snapshot::hasColumn)
        .filter(c -> !snapshot.partitionColumns().contains(c)) // Delta cannot ZORDER by a partition column
        .toList();
    if (partitions.isEmpty() || dryRun) {
      return new Result(partitions, zorderBy, 0, 0, 0, 0, null);
    }
    String where = partitions.stream().map(p -> "(" + p.predicate() + ")").collect(Collectors.joining(" OR "));
    String note = null;
    Row metrics;
    try {
      metrics = optimize(table, where, zorderBy);
    } catch (Exception e) { // Delta's AnalysisException is checked in Java's eyes, hence Exception
      // Delta refuses ZORDER on columns without min/max statistics (findings tables keep none for p_event_time):
      // it could not skip files by them anyway, so compaction alone is what helps.
      if (zorderBy.isEmpty() || !(e instanceof SparkThrowable st) || !ZORDER_WITHOUT_STATS.equals(st.getErrorClass())) {
        throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
      }
      note = "no ZORDER: the table keeps no statistics for " + zorderBy;
      zorderBy = List.of();
      metrics = optimize(table, where, zorderBy);
    }
    Row removed = metrics.getStruct(metrics.fieldIndex("filesRemoved"));
    Row added = metrics.getStruct(metrics.fieldIndex("filesAdded"));
    return new Result(partitions, zorderBy,
        metrics.getLong(metrics.fieldIndex("numFilesRemoved")),
        metrics.getLong(metrics.fieldIndex("numFilesAdded")),
        removed.getLong(removed.fieldIndex("totalSize")),
        added.getLong(added.fieldIndex("totalSize")),
        note);
  }

  private Row optimize(TableRef table, String where, List<String> zorderBy) {
    return retry.call("OPTIMIZE " + table.name(), () -> {
      var builder = DeltaTable.forPath(spark, table.path()).optimize().where(where);
      Row result = (zorderBy.isEmpty() ? builder.executeCompaction()
          : builder.executeZOrderBy(zorderBy.toArray(String[]::new))).first();
      return result.getStruct(result.fieldIndex("metrics"));
    });
  }
}
