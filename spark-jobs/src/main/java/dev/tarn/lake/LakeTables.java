package dev.tarn.lake;

import static java.util.Objects.requireNonNull;

import dev.tarn.views.PantherViews;
import dev.tarn.views.UnionView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Tarn's Delta tables where the lake says they live and registers them in the session catalog (the embedded
 * Hive metastore locally, the cluster's catalog on EMR/Databricks), so SQL users find them by name. Delta tables in
 * the catalog take their schema from the Delta log, so a table the catalog has stays in step with its writes; the
 * {@code panther_views} union views do not, and are rebuilt here when a table of theirs is created or gains a p_*
 * column.
 */
public final class LakeTables {
  private static final Logger LOG = LoggerFactory.getLogger(LakeTables.class);

  private final SparkSession spark;
  private final Lake lake;
  /**
   * Tables ensured by this instance, with the p_* columns they were last ensured with: only a change of those
   * concerns the views, so writers whose schema varies otherwise (findings of scheduled queries) cost nothing.
   */
  private final Map<String, Set<String>> known = new HashMap<>();

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
   *
   * <p>For a table under a {@code panther_views} view: creating it rebuilds the view, and when {@code schema} has
   * p_* columns the existing table lacks (a custom log type gained an indicator) they are added to the table first,
   * so the rebuilt view has them before any row does.
   */
  public synchronized void ensure(String database, String table, StructType schema, String partitionColumn,
      List<String> statsColumns) {
    String name = database + "." + table;
    Set<String> standardColumns = Arrays.stream(schema.fieldNames()).filter(f -> f.startsWith("p_"))
        .collect(Collectors.toUnmodifiableSet());
    if (standardColumns.equals(known.get(name))) {
      return;
    }
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "` LOCATION '" + lake.databasePath(database) + "'");
    Optional<UnionView> view = PantherViews.over(database);
    boolean viewChanged = false;
    if (!spark.catalog().tableExists(database, table)) {
      try {
        spark.sql("CREATE TABLE IF NOT EXISTS `" + database + "`.`" + table + "` (" + schema.toDDL()
            + ") USING delta PARTITIONED BY (`" + partitionColumn + "`) LOCATION '"
            + lake.tablePath(database, table) + "'"
            + (statsColumns.isEmpty() ? "" : " TBLPROPERTIES ('delta.dataSkippingStatsColumns' = '"
                + String.join(",", statsColumns) + "')"));
        viewChanged = true;
      } catch (Exception e) {
        // Another query of this job may have created it in between; anything else is a real failure.
        if (!spark.catalog().tableExists(database, table)) {
          throw new IllegalStateException("Cannot create table " + name + " at " + lake.tablePath(database, table)
              + ": " + e.getMessage(), e);
        }
      }
    } else if (view.isPresent()) {
      viewChanged = addMissingStandardColumns(database, table, schema);
    }
    known.put(name, standardColumns);
    if (viewChanged && view.isPresent()) {
      rebuildQuietly(view.get());
    }
  }

  /**
   * Registers in the session catalog every Delta table of the lake it lacks (one created by path, or before its
   * database was registered, or by a job with another metastore), and returns their names.
   */
  public synchronized List<String> registerAll() {
    List<String> registered = new ArrayList<>();
    LakeInventory inventory = new LakeInventory(lake, spark.sparkContext().hadoopConfiguration());
    for (LakeInventory.LakeTable t : inventory.tables()) {
      spark.sql("CREATE DATABASE IF NOT EXISTS `" + t.database() + "` LOCATION '" + lake.databasePath(t.database())
          + "'");
      if (!spark.catalog().tableExists(t.database(), t.table())) {
        // Without a column list Delta takes the schema, partitioning and properties from the table's log.
        spark.sql("CREATE TABLE IF NOT EXISTS `" + t.database() + "`.`" + t.table() + "` USING delta LOCATION '"
            + t.path() + "'");
        registered.add(t.qualifiedName());
        LOG.info("Registered {} at {} in the session catalog", t.qualifiedName(), t.path());
      }
    }
    return List.copyOf(registered);
  }

  public String path(String database, String table) {
    return lake.tablePath(database, table);
  }

  /** Adds the top-level p_* columns of {@code schema} the table lacks; true when it added any. */
  private boolean addMissingStandardColumns(String database, String table, StructType schema) {
    String name = "`" + database + "`.`" + table + "`";
    Set<String> existing;
    try {
      existing = Set.of(spark.table(name).schema().fieldNames());
    } catch (Exception e) {
      LOG.warn("Cannot read the schema of {}.{}: {}", database, table, e.getMessage());
      return false;
    }
    List<StructField> missing = new ArrayList<>();
    for (StructField field : schema.fields()) {
      if (field.name().startsWith("p_") && !existing.contains(field.name())) {
        // Delta cannot add a NOT NULL column to a table with rows; the writer's own checks still apply.
        missing.add(field.copy(field.name(), field.dataType(), true, field.metadata()));
      }
    }
    if (missing.isEmpty()) {
      return false;
    }
    String columns = missing.stream().map(f -> new StructType(new StructField[] {f}).toDDL())
        .collect(Collectors.joining(", "));
    try {
      spark.sql("ALTER TABLE " + name + " ADD COLUMNS (" + columns + ")");
      return true;
    } catch (Exception e) {
      // The writer's schema-merging append adds them anyway; the view then catches up at its next rebuild.
      LOG.warn("Cannot add {} to {}.{} ahead of its writes: {}", columns, database, table, e.getMessage());
      return false;
    }
  }

  private void rebuildQuietly(UnionView view) {
    try {
      PantherViews.rebuild(spark, lake, view);
    } catch (Exception e) {
      // A view is a convenience over the tables; failing to refresh it must not fail the write that triggered it.
      LOG.warn("Cannot rebuild {} (run 'tarn views rebuild' to retry): {}", view.qualifiedName(), e.getMessage());
    }
  }
}
