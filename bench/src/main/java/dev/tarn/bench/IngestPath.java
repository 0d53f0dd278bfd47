package dev.tarn.bench;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** One way of getting the landed CloudTrail files into a Delta table: the thing the benchmark times. */
interface IngestPath {

  /** How the path is named in the output. */
  String name();

  /**
   * Ingests every landed file into a new lake under {@code lake} and returns the path of the Delta table holding the
   * events. This call, and only this call, is timed.
   */
  String ingest(SparkSession spark, CloudTrailLanding landing, Path lake) throws Exception;

  /** Forgets whatever an earlier run registered in the session, so every run starts alike (not timed). */
  default void reset(SparkSession spark) {}
}
