package dev.tarn.lake;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Schemas of Tarn's own bookkeeping tables in {@code tarn_system}. */
public final class SystemTables {
  public static final String QUARANTINE = "quarantine";
  public static final String INGEST_FILES = "ingest_files";
  public static final String JOB_RUNS = "job_runs";

  /** Raw lines are kept up to this many characters; {@code raw_length} keeps the original length. */
  public static final int MAX_RAW_CHARS = 64 * 1024;

  private SystemTables() {}

  /** Every record no candidate accepted, and every file (or rest of a file) that could not be read. */
  public static final StructType QUARANTINE_TYPE = new StructType()
      .add("source_id", DataTypes.StringType)
      .add("source_label", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("line", DataTypes.LongType)
      .add("raw", DataTypes.StringType)
      .add("raw_length", DataTypes.LongType)
      .add("reason", DataTypes.StringType)
      .add("candidates", DataTypes.createArrayType(DataTypes.StringType))
      .add("file_error", DataTypes.BooleanType)
      .add("quarantine_time", DataTypes.TimestampType)
      .add("p_date", DataTypes.DateType);

  /**
   * One row per ingested file. Reconciliation: {@code lines_read = lines_with_events + lines_quarantined +
   * lines_skipped} (blank lines, headers and comments are skipped), and {@code events} sums to the rows written.
   */
  public static final StructType INGEST_FILE_TYPE = new StructType()
      .add("source_id", DataTypes.StringType)
      .add("file", DataTypes.StringType)
      .add("bytes", DataTypes.LongType)
      .add("lines_read", DataTypes.LongType)
      .add("lines_with_events", DataTypes.LongType)
      .add("lines_quarantined", DataTypes.LongType)
      .add("lines_skipped", DataTypes.LongType)
      .add("events", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
      .add("file_error", DataTypes.StringType)
      .add("started", DataTypes.TimestampType)
      .add("finished", DataTypes.TimestampType);

  public static final StructType INGEST_FILES_TABLE_TYPE = INGEST_FILE_TYPE
      .add("run_id", DataTypes.StringType)
      .add("batch_id", DataTypes.LongType);

  public static final StructType JOB_RUNS_TYPE = new StructType()
      .add("job", DataTypes.StringType)
      .add("run_id", DataTypes.StringType)
      .add("source_id", DataTypes.StringType)
      .add("batch_id", DataTypes.LongType)
      .add("started", DataTypes.TimestampType)
      .add("finished", DataTypes.TimestampType)
      .add("duration_ms", DataTypes.LongType)
      .add("status", DataTypes.StringType)
      .add("files", DataTypes.LongType)
      .add("bytes", DataTypes.LongType)
      .add("events", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
      // Quarantined lines per source (they have no log type: no candidate accepted them).
      .add("quarantined", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
      .add("file_errors", DataTypes.LongType)
      .add("message", DataTypes.StringType)
      // Job-specific counts (maintain: files compacted, bytes reclaimed, rows expired; requeue: lines moved...).
      .add("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType));
}
