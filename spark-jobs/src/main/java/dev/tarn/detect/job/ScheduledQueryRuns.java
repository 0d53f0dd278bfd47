package dev.tarn.detect.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code tarn_system.scheduled_query_runs}: one row per executed slot of a scheduled query. */
final class ScheduledQueryRuns {
  static final String TABLE = "scheduled_query_runs";
  static final String SUCCEEDED = "succeeded";
  static final String FAILED = "failed";
  static final String TIMED_OUT = "timed_out";

  static final StructType TYPE = new StructType()
      .add("query_name", DataTypes.StringType)
      .add("scheduled_time", DataTypes.TimestampType)
      .add("run_id", DataTypes.StringType)
      .add("started", DataTypes.TimestampType)
      .add("finished", DataTypes.TimestampType)
      .add("status", DataTypes.StringType)
      .add("result_rows", DataTypes.LongType)
      .add("matches", DataTypes.LongType)
      .add("errors", DataTypes.LongType)
      .add("skipped_slots", DataTypes.LongType)
      .add("message", DataTypes.StringType);

  private ScheduledQueryRuns() {}
}
