package dev.tarn.alerts.store;

import static dev.tarn.alerts.store.Database.instant;

import dev.tarn.alerts.delivery.AlertType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * One {@code alerts} row as {@link AlertQueries} reads it.
 *
 * @param contextJson the rule's alert_context() as JSON text, or null
 * @param destinations the destinations() output of the rule, or null when it returned none (rule default)
 * @param thresholdReachedAt when the alert's deliveries were enqueued; null while it is below its threshold
 */
public record AlertRow(
    String id,
    String dedupKey,
    String ruleId,
    String ruleVersion,
    String ruleDisplayName,
    AlertType type,
    String dedup,
    String windowMode,
    Instant windowStart,
    Instant windowEnd,
    String title,
    String severity,
    String description,
    String reference,
    String runbook,
    String contextJson,
    List<String> tags,
    List<String> destinations,
    List<String> outputIds,
    List<String> logTypes,
    long eventCount,
    int threshold,
    Instant firstEventTime,
    Instant lastEventTime,
    Instant createdAt,
    Instant updatedAt,
    Instant thresholdReachedAt,
    AlertQueries.Status status,
    String assignee,
    String statusUpdatedBy,
    Instant statusUpdatedAt) {

  public AlertRow {
    tags = tags == null ? List.of() : List.copyOf(tags);
    destinations = destinations == null ? null : List.copyOf(destinations);
    outputIds = outputIds == null ? List.of() : List.copyOf(outputIds);
    logTypes = logTypes == null ? List.of() : List.copyOf(logTypes);
  }

  /** Reads the current row of a result set whose columns are in {@link AlertQueries}' order. */
  static AlertRow read(ResultSet rs) throws SQLException {
    return new AlertRow(
        rs.getString(1).trim(),
        rs.getString(2).trim(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        AlertType.valueOf(rs.getString(6)),
        rs.getString(7),
        rs.getString(8),
        instant(rs.getTimestamp(9)),
        instant(rs.getTimestamp(10)),
        rs.getString(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        Json.stringList(rs.getString(17)),
        Json.stringList(rs.getString(18)),
        Json.stringList(rs.getString(19)),
        Json.stringList(rs.getString(20)),
        rs.getLong(21),
        rs.getInt(22),
        instant(rs.getTimestamp(23)),
        instant(rs.getTimestamp(24)),
        instant(rs.getTimestamp(25)),
        instant(rs.getTimestamp(26)),
        instant(rs.getTimestamp(27)),
        AlertQueries.Status.valueOf(rs.getString(28)),
        rs.getString(29),
        rs.getString(30),
        instant(rs.getTimestamp(31)));
  }
}
