package dev.tarn.alerts.findings;

import java.util.List;

/**
 * The findings contract (docs/ARCHITECTURE.md) as the alerts service reads it: the columns spark-jobs adds to an event
 * to make a match or rule-error row, plus the event's standard columns the service needs. System findings
 * ({@code tarn_system_errors.*}, written by {@code tarn health}) use the same columns: the alarm id is the rule id,
 * the subject (job, source, log type) the dedup string. spark-jobs keeps the same
 * names in {@code dev.tarn.detect.job.FindingColumns}; its FindingsContractTest writes with one and reads with the other.
 */
final class FindingColumns {
  static final String LOG_TYPE = "p_log_type";
  static final String EVENT_TIME = "p_event_time";
  static final String DATE = "p_date";

  static final String RULE_ID = "p_rule_id";
  static final String RULE_VERSION = "p_rule_version";
  static final String MATCH_ID = "p_match_id";
  static final String DETECT_TIME = "p_detect_time";
  static final String ALERT_TITLE = "p_alert_title";
  static final String ALERT_DEDUP = "p_alert_dedup";
  static final String ALERT_SEVERITY = "p_alert_severity";
  static final String ALERT_CONTEXT = "p_alert_context";
  static final String ALERT_DESCRIPTION = "p_alert_description";
  static final String ALERT_REFERENCE = "p_alert_reference";
  static final String ALERT_RUNBOOK = "p_alert_runbook";
  static final String ALERT_DESTINATIONS = "p_alert_destinations";
  static final String RULE_DISPLAY_NAME = "p_rule_display_name";
  static final String RULE_TAGS = "p_rule_tags";
  static final String RULE_REPORTS = "p_rule_reports";
  static final String RULE_DEDUP_PERIOD_MINUTES = "p_rule_dedup_period_minutes";
  static final String RULE_THRESHOLD = "p_rule_threshold";
  static final String RULE_CREATE_ALERT = "p_rule_create_alert";
  /** Added after the first findings tables were written: older tables and files lack it. */
  static final String RULE_OUTPUT_IDS = "p_rule_output_ids";
  /** Errors tables only. */
  static final String RULE_ERROR = "p_rule_error";

  /** Panther's defaults, used when a row has no value (the writer never leaves them null; a foreign writer might). */
  static final int DEFAULT_DEDUP_PERIOD_MINUTES = 60;
  static final int DEFAULT_THRESHOLD = 1;
  static final boolean DEFAULT_CREATE_ALERT = true;

  /** Every column a {@link Finding} is made of; the reader projects its Parquet reads onto those the table has. */
  static final List<String> READ = List.of(LOG_TYPE, EVENT_TIME, DATE, RULE_ID, RULE_VERSION, MATCH_ID, DETECT_TIME,
      ALERT_TITLE, ALERT_DEDUP, ALERT_SEVERITY, ALERT_CONTEXT, ALERT_DESCRIPTION, ALERT_REFERENCE, ALERT_RUNBOOK,
      ALERT_DESTINATIONS, RULE_DISPLAY_NAME, RULE_TAGS, RULE_REPORTS, RULE_DEDUP_PERIOD_MINUTES, RULE_THRESHOLD,
      RULE_CREATE_ALERT, RULE_OUTPUT_IDS, RULE_ERROR);

  private FindingColumns() {}
}
