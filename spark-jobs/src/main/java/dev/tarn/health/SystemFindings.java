package dev.tarn.health;

import dev.tarn.detect.job.FindingColumns;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The system findings contract: {@code tarn health} appends one row per firing alarm to
 * {@code tarn_system_errors.health}; the alerts service reads the table like a rule-matches table, dedups the rows by
 * {@code p_alert_dedup} within {@code p_rule_dedup_period_minutes} and delivers the alerts. The finding columns carry
 * the names of {@link FindingColumns}, so one reader serves both.
 */
public final class SystemFindings {
  public static final String DATABASE = "tarn_system_errors";
  public static final String TABLE = "health";
  public static final String LOG_TYPE = "Tarn.Health";
  public static final String RULE_VERSION = "1";
  public static final String TAG = "tarn-health";

  public static final String JOB_FAILED = "Tarn.Health.JobFailed";
  public static final String STREAM_LAG = "Tarn.Health.StreamLag";
  public static final String QUARANTINE_GROWTH = "Tarn.Health.QuarantineGrowth";
  public static final String DEAD_LETTERS = "Tarn.Health.DeadLetters";
  public static final String SOURCE_SILENT = "Tarn.Health.SourceSilent";
  public static final String VOLUME_ANOMALY = "Tarn.Health.VolumeAnomaly";
  public static final List<String> ALARM_IDS = List.of(JOB_FAILED, STREAM_LAG, QUARANTINE_GROWTH, DEAD_LETTERS,
      SOURCE_SILENT, VOLUME_ANOMALY);

  public static final String LOG_TYPE_COLUMN = "p_log_type";
  public static final String EVENT_TIME = "p_event_time";
  public static final String DATE = "p_date";
  public static final String ROW_ID = "p_row_id";

  /** The table's columns: the event part (evaluation time, day, id), then the finding columns. */
  public static final StructType SCHEMA = schema();

  private SystemFindings() {}

  private static StructType schema() {
    StructType type = new StructType()
        .add(LOG_TYPE_COLUMN, DataTypes.StringType, false)
        .add(EVENT_TIME, DataTypes.TimestampType, false)
        .add(DATE, DataTypes.DateType, false)
        .add(ROW_ID, DataTypes.StringType, false);
    for (StructField f : FindingColumns.FIELDS) {
      // A health finding is never a rule error.
      if (!f.name().equals(FindingColumns.RULE_ERROR)) {
        type = type.add(f);
      }
    }
    return type;
  }
}
