package dev.tarn.alerts.delivery.slack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

/**
 * Posts to a Slack incoming webhook the message Panther sends: one attachment with the title, the severity's color, a
 * link to the alert, the runbook and the severity.
 */
public final class SlackDestination implements Destination {
  private final URI webhook;
  private final HttpDelivery http;

  public SlackDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    this.webhook = URI.create(ConfigValues.of(config).get("webhookURL"));
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(webhook, Map.of(), payload(n));
  }

  /** The webhook body. */
  public static ObjectNode payload(AlertNotification n) {
    String title = Notifications.title(n);
    ArrayNode fields = PayloadJson.array();
    if (!Notifications.isBlank(n.link())) {
      // Slack's link syntax: <url|text>.
      fields.addObject().put("value", "<" + n.link() + "|" + Notifications.VIEW_IN_TARN + ">").put("short", false);
    }
    fields.addObject().put("title", "Runbook").put("value", Notifications.orEmpty(n.runbook())).put("short", false);
    fields.addObject().put("title", "Severity").put("value", n.severity()).put("short", true);
    ObjectNode attachment = PayloadJson.object()
        .put("fallback", title)
        .put("color", Severities.color(n.severity()))
        .put("title", title);
    attachment.set("fields", fields);
    ObjectNode body = PayloadJson.object();
    body.putArray("attachments").add(attachment);
    return body;
  }
}
