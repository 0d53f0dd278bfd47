package dev.tarn.lake;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates Tarn's Delta tables where the lake says they live and registers them in the session catalog (the embedded
 * Hive metastore locally, the cluster's catalog on EMR/Databricks), so SQL users find them by name.
 */
public final class LakeTables {
  private final SparkSession spark;
  private final Lake lake;
  private final Set<String> known = new HashSet<>();

  public LakeTables(SparkSession spark, Lake lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  /** Ensures {@code database.table} exists as a Delta table partitioned by {@code partitionColumn}. */
  public void ensure(String database, String table, StructType schema, String partitionColumn) {
    ensure(database, table, schema, partitionColumn, List.of());
  }

  /**
   * As {@link #ensure(String, String, StructType, String)}, keeping Delta's min/max statistics for the given
   * columns. Delta only keeps them for the first 32 columns by default, and a log table's p_* columns come after
   * its event fields, so without this a filter on p_event_time could not skip files.
   */
  public synchronized void ensure(String database, String table, StructType schema, String partitionColumn,
      List<String> statsColumns) {
    String name = database + "." + table;
    if (known.contains(name)) {
      return;
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "` LOCATION '" + lake.databasePath(database) + "'");
    if (!spark.catalog().tableExists(database, table)) {
      try {
        spark.sql("CREATE TABLE IF NOT EXISTS `" + database + "`.`" + table + "` (" + schema.toDDL()
            + ") USING delta PARTITIONED BY (`" + partitionColumn + "`) LOCATION '"
            + lake.tablePath(database, table) + "'"
            + (statsColumns.isEmpty() ? "" : " TBLPROPERTIES ('delta.dataSkippingStatsColumns' = '"
                + String.join(",", statsColumns) + "')"));
      } catch (Exception e) {
        // Another query of this job may have created it in between; anything else is a real failure.
        if (!spark.catalog().tableExists(database, table)) {
          throw new IllegalStateException("Cannot create table " + name + " at " + lake.tablePath(database, table)
              + ": " + e.getMessage(), e);
        }
      }
    }
    known.add(name);
  }

  public String path(String database, String table) {
    return lake.tablePath(database, table);
  }
}
