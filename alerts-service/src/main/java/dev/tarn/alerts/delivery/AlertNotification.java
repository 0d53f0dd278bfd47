package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What a destination is told about an alert: the fields of Panther's generic notification
 * ({@code outputs/outputs.go}) plus the counts Tarn knows.
 *
 * @param ruleId Panther's {@code id}: the rule (or policy) id
 * @param name the rule's display name, else its id
 * @param title the alert title (generated, else display name, else rule id)
 * @param contextJson the alert context as JSON text, or null
 * @param link the alert's URL in the alerts service (link prefix + alert id)
 * @param version the rule version
 * @param resend true when re-sent by hand; titles then start with "[Re-sent]: "
 */
public record AlertNotification(
    String alertId,
    String ruleId,
    AlertType type,
    String name,
    String title,
    String severity,
    String description,
    String runbook,
    String reference,
    List<String> tags,
    String contextJson,
    Instant createdAt,
    String version,
    String link,
    long eventCount,
    List<String> logTypes,
    boolean resend) {

  public AlertNotification {
    requireNonNull(alertId, "alertId is null");
    requireNonNull(ruleId, "ruleId is null");
    requireNonNull(type, "type is null");
    requireNonNull(title, "title is null");
    requireNonNull(severity, "severity is null");
    requireNonNull(createdAt, "createdAt is null");
    tags = tags == null ? List.of() : List.copyOf(tags);
    logTypes = logTypes == null ? List.of() : List.copyOf(logTypes);
  }
}
