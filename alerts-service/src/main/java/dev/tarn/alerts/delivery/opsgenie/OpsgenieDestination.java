package dev.tarn.alerts.delivery.opsgenie;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.Html;
import dev.tarn.alerts.delivery.HttpDelivery;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.Severities;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Creates an Opsgenie alert ({@code POST /v2/alerts}, {@code Authorization: GenieKey <apiKey>}; Opsgenie answers 202).
 * The alert id is the Opsgenie alias, so Opsgenie de-duplicates re-sent and retried alerts.
 */
public final class OpsgenieDestination implements Destination {
  public static final String US_API_URL = "https://api.opsgenie.com";
  public static final String EU_API_URL = "https://api.eu.opsgenie.com";
  /** Opsgenie's limits: longer messages are rejected, longer descriptions cut. */
  static final int MAX_MESSAGE_CHARS = 130;
  static final int MAX_DESCRIPTION_CHARS = 15000;

  private static final Map<String, String> PRIORITIES = Map.of(
      "CRITICAL", "P1", "HIGH", "P2", "MEDIUM", "P3", "LOW", "P4", "INFO", "P5");

  private final URI alerts;
  private final String authorization;
  private final HttpDelivery http;

  public OpsgenieDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.alerts = endpoint(values);
    this.authorization = "GenieKey " + values.get("apiKey");
    this.http = new HttpDelivery(context, config);
  }

  /** {@code apiUrl}, else the service region's API, plus {@code /v2/alerts}. */
  static URI endpoint(ConfigValues values) {
    String regional = "EU".equals(values.get("serviceRegion", "US").toUpperCase(Locale.ROOT)) ? EU_API_URL
        : US_API_URL;
    return URI.create(values.baseUrl("apiUrl", regional) + "/v2/alerts");
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(alerts, Map.of("Authorization", authorization), payload(n));
  }

  /** The Alert API body. */
  public static ObjectNode payload(AlertNotification n) {
    ObjectNode body = PayloadJson.object()
        .put("message", Notifications.truncate(Notifications.title(n), MAX_MESSAGE_CHARS))
        .put("alias", n.alertId())
        .put("description", Notifications.truncate(description(n), MAX_DESCRIPTION_CHARS));
    body.set("tags", PayloadJson.strings(n.tags()));
    body.put("priority", priority(n.severity()));
    return body;
  }

  /** Panther's priorities: CRITICAL P1, HIGH P2, MEDIUM P3, LOW P4, INFO P5 (and Opsgenie's default P3 otherwise). */
  public static String priority(String severity) {
    return PRIORITIES.getOrDefault(Severities.normalize(severity), "P3");
  }

  /** The HTML description: the rule's description, a link, the runbook, the severity; all text escaped. */
  static String description(AlertNotification n) {
    StringBuilder s = new StringBuilder()
        .append("<strong>Description:</strong> ").append(Html.escape(n.description()));
    if (!Notifications.isBlank(n.link())) {
      s.append("\n<a href=\"").append(Html.escape(n.link())).append("\">").append(Notifications.VIEW_IN_TARN)
          .append("</a>");
    }
    s.append("\n<strong>Runbook:</strong> ").append(Html.escape(n.runbook()))
        .append("\n<strong>Severity:</strong> ").append(Html.escape(n.severity()));
    return s.toString();
  }
}
