package dev.tarn.alerts.findings;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Findings-table schemas and rows shaped like what spark-jobs writes: matches and errors on CloudTrail events, and
 * system findings of {@code tarn health}.
 */
public final class FindingFixtures {
  private static final ArrayType STRINGS = new ArrayType(StringType.STRING, true);

  private FindingFixtures() {}

  /** Event columns, then the contract's columns; optional ones only when asked for. */
  public static StructType schema(boolean outputIds, boolean ruleError) {
    List<StructField> fields = new ArrayList<>(List.of(
        field("eventID", StringType.STRING),
        field("eventName", StringType.STRING),
        field("userIdentity", new StructType().add("type", StringType.STRING).add("arn", StringType.STRING)),
        field("resources", STRINGS),
        field("p_log_type", StringType.STRING),
        field("p_event_time", TimestampType.TIMESTAMP),
        field("p_date", DateType.DATE)));
    fields.addAll(contract(outputIds, ruleError));
    return new StructType(fields);
  }

  /** A scheduled-query table: the query's own columns, no p_event_time nor p_log_type. */
  static StructType scheduledSchema() {
    List<StructField> fields = new ArrayList<>(List.of(
        field("sourceIPAddress", StringType.STRING),
        field("failures", IntegerType.INTEGER),
        field("p_date", DateType.DATE)));
    fields.addAll(contract(true, false));
    return new StructType(fields);
  }

  /**
   * A system findings table as {@code tarn health} writes it ({@code tarn_system_errors.health}): the standard columns
   * of a Tarn.Health row, then the contract's columns (with {@code p_rule_output_ids}, without {@code p_rule_error}).
   */
  public static StructType systemSchema() {
    List<StructField> fields = new ArrayList<>(List.of(
        field("p_log_type", StringType.STRING),
        field("p_event_time", TimestampType.TIMESTAMP),
        field("p_date", DateType.DATE),
        field("p_row_id", StringType.STRING)));
    fields.addAll(contract(true, false));
    return new StructType(fields);
  }

  private static List<StructField> contract(boolean outputIds, boolean ruleError) {
    List<StructField> fields = new ArrayList<>(List.of(
        field("p_rule_id", StringType.STRING),
        field("p_rule_version", StringType.STRING),
        field("p_match_id", StringType.STRING),
        field("p_detect_time", TimestampType.TIMESTAMP),
        field("p_alert_title", StringType.STRING),
        field("p_alert_dedup", StringType.STRING),
        field("p_alert_severity", StringType.STRING),
        field("p_alert_context", StringType.STRING),
        field("p_alert_description", StringType.STRING),
        field("p_alert_reference", StringType.STRING),
        field("p_alert_runbook", StringType.STRING),
        field("p_alert_destinations", STRINGS),
        field("p_rule_display_name", StringType.STRING),
        field("p_rule_tags", STRINGS),
        field("p_rule_reports", new MapType(StringType.STRING, STRINGS, true)),
        field("p_rule_dedup_period_minutes", IntegerType.INTEGER),
        field("p_rule_threshold", IntegerType.INTEGER),
        field("p_rule_create_alert", BooleanType.BOOLEAN)));
    if (outputIds) {
      fields.add(field("p_rule_output_ids", STRINGS));
    }
    if (ruleError) {
      fields.add(field("p_rule_error", StringType.STRING));
    }
    return fields;
  }

  /** The schema with {@code p_rule_output_ids} added at the end, as the findings MERGE's schema evolution does. */
  static StructType withOutputIds(StructType schema) {
    return schema.add(field("p_rule_output_ids", STRINGS));
  }

  /** A match row of rule {@code ruleId} on an event at {@code eventTime} (ISO-8601 UTC), every contract value set. */
  public static Map<String, Object> match(String matchId, String ruleId, String eventTime) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("eventID", "event-" + matchId);
    row.put("eventName", "ConsoleLogin");
    row.put("userIdentity", Map.of("type", "IAMUser", "arn", "arn:aws:iam::123456789012:user/alice"));
    row.put("resources", List.of("r1", "r2"));
    row.put("p_log_type", "AWS.CloudTrail");
    row.put("p_event_time", eventTime);
    row.put("p_date", eventTime.substring(0, 10));
    row.put("p_rule_id", ruleId);
    row.put("p_rule_version", "v-" + ruleId);
    row.put("p_match_id", matchId);
    row.put("p_detect_time", "2024-04-02T00:00:00.123456Z");
    row.put("p_alert_title", "Login by alice");
    row.put("p_alert_dedup", "alice");
    row.put("p_alert_severity", "HIGH");
    row.put("p_alert_context", "{\"user\": \"alice\"}");
    row.put("p_alert_description", "A console login");
    row.put("p_alert_reference", "https://example.com/ref");
    row.put("p_alert_runbook", "Call alice");
    row.put("p_alert_destinations", List.of("slack-sec"));
    row.put("p_rule_display_name", "Console login");
    row.put("p_rule_tags", List.of("AWS", "Identity"));
    row.put("p_rule_reports", Map.of("MITRE ATT&CK", List.of("TA0001:T1078")));
    row.put("p_rule_dedup_period_minutes", 30);
    row.put("p_rule_threshold", 2);
    row.put("p_rule_create_alert", true);
    row.put("p_rule_output_ids", List.of("out-1", "out-2"));
    return row;
  }

  /**
   * A system finding as {@code tarn health} writes it: alarm {@code alarmId} (e.g. {@code Tarn.Health.SourceSilent})
   * about {@code subject} (the dedup string: a job, source id or log type), evaluated at {@code evaluatedAt}
   * (ISO-8601 UTC; it is both p_event_time and p_detect_time). Severity HIGH, a 60-minute dedup period, threshold 1.
   */
  public static Map<String, Object> system(String matchId, String alarmId, String subject, String evaluatedAt) {
    String name = alarmId.substring(alarmId.lastIndexOf('.') + 1);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("p_log_type", "Tarn.Health");
    row.put("p_event_time", evaluatedAt);
    row.put("p_date", evaluatedAt.substring(0, 10));
    row.put("p_row_id", matchId);
    row.put("p_rule_id", alarmId);
    row.put("p_rule_version", "1");
    row.put("p_match_id", matchId);
    row.put("p_detect_time", evaluatedAt);
    row.put("p_alert_title", name + ": " + subject);
    row.put("p_alert_dedup", subject);
    row.put("p_alert_severity", "HIGH");
    row.put("p_alert_context", "{\"subject\": \"" + subject + "\"}");
    row.put("p_alert_description", "Tarn health check " + alarmId + " fired for " + subject);
    row.put("p_alert_reference", null);
    row.put("p_alert_runbook", "docs/runbooks.md#"
        + name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
    row.put("p_alert_destinations", null);
    row.put("p_rule_display_name", name);
    row.put("p_rule_tags", List.of("tarn-health"));
    row.put("p_rule_reports", Map.of());
    row.put("p_rule_dedup_period_minutes", 60);
    row.put("p_rule_threshold", 1);
    row.put("p_rule_create_alert", true);
    row.put("p_rule_output_ids", null);
    return row;
  }

  /** An error row: a match row whose rule raised {@code error}. */
  public static Map<String, Object> error(String matchId, String ruleId, String eventTime, String error) {
    Map<String, Object> row = match(matchId, ruleId, eventTime);
    row.put("p_alert_title", null);
    row.put("p_alert_destinations", null);
    row.put("p_rule_error", error);
    return row;
  }

  /** The row without the given columns (for tables that lack them). */
  static Map<String, Object> without(Map<String, Object> row, String... columns) {
    Map<String, Object> out = new LinkedHashMap<>(row);
    for (String c : columns) {
      out.remove(c);
    }
    return out;
  }

  private static StructField field(String name, io.delta.kernel.types.DataType type) {
    return new StructField(name, type, true);
  }
}
