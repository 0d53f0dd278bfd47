package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.job.FindingColumns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeInventory;
import dev.tarn.views.PantherViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Reads the lake's Delta tables (schema and partition columns from each table's Delta log) as the Glue definitions
 * gluesync publishes.
 */
public final class LakeGlueDefinitions {
  /** Panther's databases, published when present in the lake and no database is named. */
  public static final List<String> DEFAULT_DATABASES = List.of(Lake.LOGS_DB, FindingColumns.MATCHES_DB,
      FindingColumns.ERRORS_DB, PantherViews.CLOUDSECURITY_DB);

  private final SparkSession spark;
  private final Lake lake;
  private final LakeInventory inventory;

  public LakeGlueDefinitions(SparkSession spark, Lake lake) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.inventory = new LakeInventory(lake, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * @param databases the databases to publish; empty for those of {@link #DEFAULT_DATABASES} the lake has
   * @param tablePrefix only tables whose name starts with this (Panther's -prefix); null or empty for all
   * @throws IllegalArgumentException when a named database has no Delta tables in the lake
   */
  public List<GlueDatabaseDefinition> read(List<String> databases, String tablePrefix) {
    List<String> present = inventory.databases();
    List<String> selected = new ArrayList<>();
    if (databases.isEmpty()) {
      DEFAULT_DATABASES.stream().filter(present::contains).forEach(selected::add);
    } else {
      for (String database : databases) {
        if (!present.contains(database)) {
          throw new IllegalArgumentException("database '" + database + "' has no Delta tables under "
              + lake.databasePath(database) + "; the lake's databases are " + present);
        }
        selected.add(database);
      }
    }
    List<GlueDatabaseDefinition> out = new ArrayList<>();
    for (String database : selected) {
      List<GlueTableDefinition> tables = new ArrayList<>();
      for (LakeInventory.LakeTable table : inventory.tables(database)) {
        if (tablePrefix == null || table.table().startsWith(tablePrefix)) {
          tables.add(definition(table));
        }
      }
      out.add(new GlueDatabaseDefinition(database,
          GlueTableDefinition.glueLocation(lake.databasePath(database)), tables));
    }
    return List.copyOf(out);
  }

  private GlueTableDefinition definition(LakeInventory.LakeTable table) {
    // The table's latest metadata straight from its Delta log; DESCRIBE DETAIL would also count its files.
    Metadata metadata = DeltaLog.forTable(spark, table.path()).update(false, Option.empty(), Option.empty())
        .metadata();
    Set<String> partitionColumns = Set.copyOf(JavaConverters.seqAsJavaList(metadata.partitionColumns()));
    StructType schema = metadata.schema();
    List<GlueColumn> columns = new ArrayList<>();
    List<GlueColumn> keys = new ArrayList<>();
    for (StructField field : schema.fields()) {
      GlueColumn column = new GlueColumn(field.name(), GlueTypes.of(field.dataType()));
      (partitionColumns.contains(field.name()) ? keys : columns).add(column);
    }
    return new GlueTableDefinition(table.database(), table.table(), GlueTableDefinition.glueLocation(table.path()),
        columns, keys);
  }
}
