package dev.tarn.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What a Spark user would write without Tarn: Spark's JSON reader with CloudTrail's schema, appended to a Delta table
 * partitioned by the event date. No classification, no quarantine, no p_* columns, no indicators, no bookkeeping
 * tables. The schema is Tarn's own event schema, whose json fields are strings: for those Spark's reader keeps the
 * raw JSON text, which is the same work Tarn does for them.
 */
final class BaselineIngest implements IngestPath {
  private final StructType schema;

  BaselineIngest(StructType schema) {
    this.schema = schema;
  }

  @Override
  public String name() {
    return "baseline (spark.read.json -> delta)";
  }

  @Override
  public String ingest(SparkSession spark, CloudTrailLanding landing, Path lake) {
    String table = lake.resolve("aws_cloudtrail").toString();
    spark.read().schema(schema).json(landing.directory().toString())
        .withColumn("p_date", to_date(col("eventTime")))
        .write().format("delta").mode("append").partitionBy("p_date").save(table);
    return table;
  }
}
