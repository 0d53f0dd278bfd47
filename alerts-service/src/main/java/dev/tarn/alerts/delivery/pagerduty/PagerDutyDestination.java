package dev.tarn.alerts.delivery.pagerduty;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.HttpDelivery;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.Severities;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Triggers a PagerDuty incident through the Events API v2 ({@code POST /v2/enqueue}; PagerDuty answers 202). The
 * alert id is the dedup key, so a re-sent or retried alert updates the same incident instead of opening another.
 */
public final class PagerDutyDestination implements Destination {
  public static final String DEFAULT_API_URL = "https://events.pagerduty.com";
  /** PagerDuty's limit for a summary. */
  static final int MAX_SUMMARY_CHARS = 1024;

  private final URI enqueue;
  private final String routingKey;
  private final HttpDelivery http;

  public PagerDutyDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.enqueue = URI.create(values.baseUrl("apiUrl", DEFAULT_API_URL) + "/v2/enqueue");
    this.routingKey = values.get("integrationKey");
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    Optional<String> severity = severity(n.severity());
    if (severity.isEmpty()) {
      // Retrying cannot fix the alert's severity.
      return DeliveryResult.permanent(null, "Cannot map severity '" + n.severity() + "' to PagerDuty (expected "
          + "INFO, LOW, MEDIUM, HIGH or CRITICAL)");
    }
    return http.postJson(enqueue, Map.of(), payload(n, routingKey, severity.get()));
  }

  /** The Events v2 body. */
  public static ObjectNode payload(AlertNotification n, String routingKey, String pagerDutySeverity) {
    String summary = Notifications.truncate(Notifications.title(n), MAX_SUMMARY_CHARS);
    ObjectNode body = PayloadJson.object()
        .put("routing_key", routingKey)
        .put("event_action", "trigger")
        .put("dedup_key", n.alertId());
    ObjectNode payload = body.putObject("payload")
        .put("summary", summary)
        .put("severity", pagerDutySeverity)
        .put("timestamp", n.createdAt().toString())
        .put("source", "tarn")
        .put("component", n.ruleId())
        .put("class", n.type().name());
    payload.set("custom_details", Notifications.generic(n));
    if (!Notifications.isBlank(n.link())) {
      body.putArray("links").addObject().put("href", n.link()).put("text", Notifications.VIEW_IN_TARN);
    }
    return body;
  }

  /** Panther's mapping: INFO and LOW → info, MEDIUM → warning, HIGH → error, CRITICAL → critical. */
  public static Optional<String> severity(String pantherSeverity) {
    return Optional.ofNullable(switch (Severities.normalize(pantherSeverity)) {
      case "INFO", "LOW" -> "info";
      case "MEDIUM" -> "warning";
      case "HIGH" -> "error";
      case "CRITICAL" -> "critical";
      default -> null;
    });
  }
}
