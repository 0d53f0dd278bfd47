package dev.tarn.lake;

import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Appends run records to {@code tarn_system.job_runs}. */
public final class JobRuns {
  private JobRuns() {}

  /** Appends one run record (a plain append: records of concurrent jobs never conflict). */
  public static void append(SparkSession spark, LakeTables tables, JobRun run) {
    tables.ensure(Lake.SYSTEM_DB, SystemTables.JOB_RUNS, SystemTables.JOB_RUNS_TYPE, "job");
    spark.createDataFrame(List.of(run.toRow()), SystemTables.JOB_RUNS_TYPE).write().format("delta").mode("append")
        .option("mergeSchema", "true")
        .save(tables.path(Lake.SYSTEM_DB, SystemTables.JOB_RUNS));
  }
}
