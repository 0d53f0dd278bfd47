package dev.tarn.alerts.delivery.msteams;

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
 * Posts a MessageCard to a Microsoft Teams incoming webhook: the title, facts (description, runbook, severity, tags,
 * alert context) and a "View in Tarn" button, with the severity's color as the card's theme.
 */
public final class TeamsDestination implements Destination {
  private final URI webhook;
  private final HttpDelivery http;

  public TeamsDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    this.webhook = URI.create(ConfigValues.of(config).get("webhookURL"));
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(webhook, Map.of(), payload(n));
  }

  /** The MessageCard. */
  public static ObjectNode payload(AlertNotification n) {
    String title = Notifications.title(n);
    ObjectNode card = PayloadJson.object()
        .put("@type", "MessageCard")
        .put("@context", "https://schema.org/extensions")
        .put("summary", title)
        .put("text", title);
    String color = Severities.color(n.severity());
    if (color != null) {
      card.put("themeColor", color.substring(1));
    }
    ArrayNode facts = card.putArray("sections").addObject().putArray("facts");
    fact(facts, "Description", Notifications.orEmpty(n.description()));
    fact(facts, "Runbook", Notifications.orEmpty(n.runbook()));
    fact(facts, "Severity", n.severity());
    fact(facts, "Tags", String.join(", ", n.tags()));
    fact(facts, "AlertContext", Notifications.alertContextText(n));
    if (!Notifications.isBlank(n.link())) {
      ObjectNode open = card.putArray("potentialAction").addObject()
          .put("@type", "OpenUri")
          .put("name", Notifications.VIEW_IN_TARN);
      open.putArray("targets").addObject().put("os", "default").put("uri", n.link());
    }
    return card;
  }

  private static void fact(ArrayNode facts, String name, String value) {
    facts.addObject().put("name", name).put("value", value);
  }
}
