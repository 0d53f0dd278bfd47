package dev.tarn.ingest;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.lake.SystemTables;
import io.delta.tables.DeltaTable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which files of a source {@code tarn_system.ingest_files} records as ingested (one row per ingested file, its path
 * qualified as the ingest read it). Streaming ingest and backfill both consult it, so a file one of them took is
 * not taken again by the other.
 */
public final class IngestedFiles {
  /** Run ids of backfill chunks start with this, so streaming ingest can tell the files backfill took. */
  public static final String BACKFILL_RUN_PREFIX = "backfill-";

  /**
   * Where backfill keeps its in-flight chunk records for a source. Its existence also tells streaming ingest that
   * backfill has run for the source, so only then does it look up which of its files backfill already took.
   */
  public static String backfillDirectory(Lake lake, String sourceId) {
    return lake.root() + "/_backfill/" + sourceId;
  }

  private final SparkSession spark;
  private final LakeTables tables;

  public IngestedFiles(SparkSession spark, LakeTables tables) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
  }

  /** The recorded files of {@code sourceId} whose path starts with {@code prefix}. */
  public Set<String> under(String sourceId, String prefix) {
    return find(col("source_id").equalTo(lit(sourceId)).and(col("file").startsWith(prefix)));
  }

  /** Which of {@code files} a backfill of {@code sourceId} has ingested. */
  public Set<String> backfilled(String sourceId, Collection<String> files) {
    if (files.isEmpty()) {
      return Set.of();
    }
    return find(col("source_id").equalTo(lit(sourceId)).and(col("file").isin(files.toArray()))
        .and(col("run_id").startsWith(BACKFILL_RUN_PREFIX)));
  }

  private Set<String> find(Column condition) {
    String path = tables.path(Lake.SYSTEM_DB, SystemTables.INGEST_FILES);
    Set<String> found = new HashSet<>();
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return found;
    }
    for (Row row : spark.read().format("delta").load(path).where(condition).select("file").distinct()
        .collectAsList()) {
      found.add(row.getString(0));
    }
    return found;
  }
}
