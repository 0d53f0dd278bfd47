package dev.tarn.detect.job;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The findings contract (docs/ARCHITECTURE.md): the columns the detect job adds to an event to make a rule match or a
 * rule error row in {@code panther_rule_matches.<table>} / {@code panther_rule_errors.<table>}. The alerts service
 * reads these names; keep them here and nowhere else on this side.
 */
public final class FindingColumns {
  public static final String MATCHES_DB = "panther_rule_matches";
  public static final String ERRORS_DB = "panther_rule_errors";

  public static final String RULE_ID = "p_rule_id";
  public static final String RULE_VERSION = "p_rule_version";
  public static final String MATCH_ID = "p_match_id";
  public static final String DETECT_TIME = "p_detect_time";
  public static final String ALERT_TITLE = "p_alert_title";
  public static final String ALERT_DEDUP = "p_alert_dedup";
  public static final String ALERT_SEVERITY = "p_alert_severity";
  public static final String ALERT_CONTEXT = "p_alert_context";
  public static final String ALERT_DESCRIPTION = "p_alert_description";
  public static final String ALERT_REFERENCE = "p_alert_reference";
  public static final String ALERT_RUNBOOK = "p_alert_runbook";
  public static final String ALERT_DESTINATIONS = "p_alert_destinations";
  public static final String RULE_DISPLAY_NAME = "p_rule_display_name";
  public static final String RULE_TAGS = "p_rule_tags";
  public static final String RULE_REPORTS = "p_rule_reports";
  public static final String RULE_DEDUP_PERIOD_MINUTES = "p_rule_dedup_period_minutes";
  public static final String RULE_THRESHOLD = "p_rule_threshold";
  public static final String RULE_CREATE_ALERT = "p_rule_create_alert";
  public static final String RULE_OUTPUT_IDS = "p_rule_output_ids";
  public static final String RULE_ERROR = "p_rule_error";

  /** Columns of both matches and errors, in order, after the event's own columns. */
  public static final List<StructField> FIELDS = List.of(
      DataTypes.createStructField(RULE_ID, DataTypes.StringType, false),
      DataTypes.createStructField(RULE_VERSION, DataTypes.StringType, false),
      DataTypes.createStructField(MATCH_ID, DataTypes.StringType, false),
      DataTypes.createStructField(DETECT_TIME, DataTypes.TimestampType, false),
      DataTypes.createStructField(ALERT_TITLE, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_DEDUP, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_SEVERITY, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_CONTEXT, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_DESCRIPTION, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_REFERENCE, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_RUNBOOK, DataTypes.StringType, true),
      DataTypes.createStructField(ALERT_DESTINATIONS, DataTypes.createArrayType(DataTypes.StringType), true),
      DataTypes.createStructField(RULE_DISPLAY_NAME, DataTypes.StringType, true),
      DataTypes.createStructField(RULE_TAGS, DataTypes.createArrayType(DataTypes.StringType), true),
      DataTypes.createStructField(RULE_REPORTS, DataTypes.createMapType(DataTypes.StringType,
          DataTypes.createArrayType(DataTypes.StringType)), true),
      DataTypes.createStructField(RULE_DEDUP_PERIOD_MINUTES, DataTypes.IntegerType, false),
      DataTypes.createStructField(RULE_THRESHOLD, DataTypes.IntegerType, false),
      DataTypes.createStructField(RULE_CREATE_ALERT, DataTypes.BooleanType, false),
      // The rule's OutputIds (empty when none): the alerts service routes to them when destinations() gives none.
      DataTypes.createStructField(RULE_OUTPUT_IDS, DataTypes.createArrayType(DataTypes.StringType), true),
      DataTypes.createStructField(RULE_ERROR, DataTypes.StringType, true));

  private FindingColumns() {}

  /** The schema of a findings table for events of {@code eventType}. */
  public static StructType findingsType(StructType eventType) {
    StructType out = eventType;
    for (StructField f : FIELDS) {
      out = out.add(f);
    }
    return out;
  }
}
