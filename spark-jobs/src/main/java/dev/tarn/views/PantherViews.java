package dev.tarn.views;

import static java.util.Objects.requireNonNull;

import dev.tarn.classify.StandardColumns;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Panther's views in {@code panther_views}: {@code all_logs}, {@code all_rule_matches}, {@code all_rule_errors}
 * (always there, empty with the standard columns while their database has no tables) and {@code all_cloudsecurity}
 * (only once {@code panther_cloudsecurity} has tables). Each is rebuilt with {@code CREATE OR REPLACE VIEW}, which
 * only rewrites metastore entries, so it is cheap enough to run whenever a table is created or gains a p_* column
 * ({@link LakeTables} does), and in {@code tarn views rebuild} and maintenance.
 */
public final class PantherViews {
  public static final String VIEWS_DB = "panther_views";
  public static final String CLOUDSECURITY_DB = "panther_cloudsecurity";
  public static final List<UnionView> STANDARD = List.of(
      new UnionView(VIEWS_DB, "all_logs", Lake.LOGS_DB, true),
      new UnionView(VIEWS_DB, "all_rule_matches", FindingColumns.MATCHES_DB, true),
      new UnionView(VIEWS_DB, "all_rule_errors", FindingColumns.ERRORS_DB, true),
      new UnionView(VIEWS_DB, "all_cloudsecurity", CLOUDSECURITY_DB, false));

  private static final Logger LOG = LoggerFactory.getLogger(PantherViews.class);

  private PantherViews() {}

  /** The columns every view has: Panther's core fields, all twelve p_any_* kinds and p_date. */
  public static List<StructField> standardColumns() {
    return StandardColumns.fields(EnumSet.allOf(IndicatorKind.class));
  }

  /** The standard view over {@code database}, if it has one. */
  public static Optional<UnionView> over(String database) {
    return STANDARD.stream().filter(v -> v.sourceDatabase().equals(database)).findFirst();
  }

  /**
   * Registers the lake's Delta tables the session catalog lacks, then rebuilds every standard view. The entry point
   * for {@code tarn views rebuild} and for maintenance.
   */
  public static List<ViewResult> rebuild(SparkSession spark, Lake lake) {
    new LakeTables(spark, lake).registerAll();
    List<ViewResult> out = new ArrayList<>();
    for (UnionView view : STANDARD) {
      out.add(rebuild(spark, lake, view));
    }
    return List.copyOf(out);
  }

  /** Rebuilds one view from the tables the session catalog has in its source database. */
  public static ViewResult rebuild(SparkSession spark, Lake lake, UnionView view) {
    requireNonNull(spark, "spark is null");
    requireNonNull(lake, "lake is null");
    requireNonNull(view, "view is null");
    Map<String, StructType> schemas = new TreeMap<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (String table : tables(spark, view.sourceDatabase())) {
      try {
        schemas.put(table, spark.table(UnionViewSql.quote(view.sourceDatabase()) + "." + UnionViewSql.quote(table))
            .schema());
      } catch (Exception e) {
        skipped.put(table, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        LOG.warn("{} leaves out {}.{}: its schema cannot be read: {}", view.qualifiedName(), view.sourceDatabase(),
            table, e.getMessage());
      }
    }
    if (schemas.isEmpty() && !view.whenEmpty()) {
      // A view left over from when the database had tables would now fail on every query.
      spark.sql("DROP VIEW IF EXISTS " + UnionViewSql.quote(view.viewDatabase()) + "."
          + UnionViewSql.quote(view.viewName()));
      return new ViewResult(view, false, List.of(), List.of(), skipped);
    }
    ViewDefinition definition = UnionViewSql.define(view, schemas, standardColumns());
    spark.sql("CREATE DATABASE IF NOT EXISTS " + UnionViewSql.quote(view.viewDatabase()) + " LOCATION '"
        + lake.databasePath(view.viewDatabase()) + "'");
    spark.sql(definition.sql());
    for (String coercion : definition.coercions()) {
      LOG.info("{}: tables disagree on a column's type: {}", view.qualifiedName(), coercion);
    }
    return new ViewResult(view, true, definition.tables(), definition.coercions(), skipped);
  }

  private static List<String> tables(SparkSession spark, String database) {
    if (!spark.catalog().databaseExists(database)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Row row : spark.sql("SHOW TABLES IN " + UnionViewSql.quote(database)).collectAsList()) {
      if (!row.getBoolean(row.fieldIndex("isTemporary"))) {
        out.add(row.getString(row.fieldIndex("tableName")));
      }
    }
    return out;
  }
}
