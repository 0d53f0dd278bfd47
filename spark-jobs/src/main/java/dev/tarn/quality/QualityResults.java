package dev.tarn.quality;

import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code tarn_system.quality_results}: every check of every run, appended (a run never rewrites earlier ones, so the
 * table is also the history). The current state of a table's day is its rows of the latest {@code run_id}.
 * Partitioned by the checked {@code p_date}.
 */
public final class QualityResults {
  public static final String TABLE = "quality_results";

  public static final StructType TYPE = new StructType()
      .add("table_name", DataTypes.StringType)
      .add("p_date", DataTypes.DateType)
      .add("check_name", DataTypes.StringType)
      .add("deequ_constraint", DataTypes.StringType)
      .add("status", DataTypes.StringType)
      .add("message", DataTypes.StringType)
      .add("metric_value", DataTypes.DoubleType)
      .add("expected_min", DataTypes.DoubleType)
      .add("expected_max", DataTypes.DoubleType)
      .add("run_id", DataTypes.StringType)
      .add("checked_at", DataTypes.TimestampType);

  private QualityResults() {}

  /** Appends one run's results (one commit). */
  public static void append(SparkSession spark, LakeTables tables, String runId, Instant time,
      List<QualityResult> results) {
    tables.ensure(Lake.SYSTEM_DB, TABLE, TYPE, "p_date");
    if (results.isEmpty()) {
      return;
    }
    List<Row> rows = results.stream().map(r -> r.toRow(runId, time)).toList();
    spark.createDataFrame(rows, TYPE).write().format("delta").mode("append")
        .save(tables.path(Lake.SYSTEM_DB, TABLE));
  }
}
