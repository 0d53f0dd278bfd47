package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One row of a findings table ({@code panther_rule_matches.<t>}, {@code panther_rule_errors.<t>} or a system findings
 * table {@code tarn_system_errors.<t>}), reduced to the columns of the findings contract the alerts service needs. The event's own columns stay in the table; the API
 * reads them back by {@link #matchId()}.
 *
 * @param table qualified table name, e.g. {@code panther_rule_matches.aws_cloudtrail}
 * @param destinations the rule's {@code destinations()} output; null when the rule has none (use its defaults)
 * @param eventTime {@code p_event_time}; null when the row has none
 * @param eventDate {@code p_date} (the partition); null when the table has none
 * @param error {@code p_rule_error}; null for matches
 */
public record Finding(
    String table,
    FindingKind kind,
    String matchId,
    String ruleId,
    String ruleVersion,
    String ruleDisplayName,
    Instant detectTime,
    Instant eventTime,
    LocalDate eventDate,
    String logType,
    String title,
    String dedup,
    String severity,
    String contextJson,
    String description,
    String reference,
    String runbook,
    List<String> destinations,
    List<String> tags,
    Map<String, List<String>> reports,
    List<String> outputIds,
    int dedupPeriodMinutes,
    int threshold,
    boolean createAlert,
    String error) {

  public Finding {
    requireNonNull(table, "table is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(matchId, "matchId is null");
    requireNonNull(ruleId, "ruleId is null");
    requireNonNull(detectTime, "detectTime is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
    outputIds = outputIds == null ? List.of() : List.copyOf(outputIds);
    reports = reports == null ? Map.of() : Map.copyOf(reports);
    destinations = destinations == null ? null : List.copyOf(destinations);
  }
}
