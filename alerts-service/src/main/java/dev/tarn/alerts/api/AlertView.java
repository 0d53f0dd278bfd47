package dev.tarn.alerts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.store.AlertRow;
import java.time.Instant;
import java.util.List;

/** An alert as the API shows it (the {@code Alert} schema of openapi.yaml); the alert context is real JSON. */
record AlertView(
    String id,
    String ruleId,
    String ruleVersion,
    String ruleDisplayName,
    AlertType type,
    String title,
    String severity,
    String status,
    String assignee,
    String statusUpdatedBy,
    Instant statusUpdatedAt,
    String dedup,
    String dedupKey,
    String windowMode,
    Instant windowStart,
    Instant windowEnd,
    String description,
    String reference,
    String runbook,
    JsonNode context,
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
    Instant thresholdReachedAt) {

  static AlertView of(AlertRow a, ObjectMapper mapper) {
    return new AlertView(a.id(), a.ruleId(), a.ruleVersion(), a.ruleDisplayName(), a.type(), a.title(), a.severity(),
        a.status().name(), a.assignee(), a.statusUpdatedBy(), a.statusUpdatedAt(), a.dedup(), a.dedupKey(),
        a.windowMode(), a.windowStart(), a.windowEnd(), a.description(), a.reference(), a.runbook(),
        context(a.contextJson(), mapper), a.tags(), a.destinations(), a.outputIds(), a.logTypes(), a.eventCount(),
        a.threshold(), a.firstEventTime(), a.lastEventTime(), a.createdAt(), a.updatedAt(), a.thresholdReachedAt());
  }

  // Context is written by the findings consumer from the rule's alert_context(); text that is not JSON is still
  // shown, as a string, rather than failing the whole alert.
  private static JsonNode context(String json, ObjectMapper mapper) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      return mapper.getNodeFactory().textNode(json);
    }
  }
}
