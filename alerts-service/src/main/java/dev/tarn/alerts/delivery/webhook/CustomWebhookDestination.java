package dev.tarn.alerts.delivery.webhook;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.HttpDelivery;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs the generic notification JSON to any URL, with {@code X-Tarn-Alert-Id} and, when an {@code hmacSecret} is set,
 * {@code X-Tarn-Signature} over the exact body bytes (see {@link WebhookSignature} and the package documentation).
 */
public final class CustomWebhookDestination implements Destination {
  public static final String ALERT_ID_HEADER = "X-Tarn-Alert-Id";

  private final URI webhook;
  private final WebhookSignature signature;
  private final HttpDelivery http;

  public CustomWebhookDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.webhook = URI.create(values.get("webhookURL"));
    String secret = values.get("hmacSecret");
    this.signature = secret == null ? null : new WebhookSignature(secret);
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    // Sign the bytes that are sent, not a re-serialization: receivers verify what they receive.
    byte[] body = PayloadJson.bytes(Notifications.generic(n));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(ALERT_ID_HEADER, n.alertId());
    if (signature != null) {
      headers.put(WebhookSignature.HEADER, signature.sign(body));
    }
    return http.post(webhook, headers, "application/json", body,
        (status, text) -> HttpDelivery.statusOutcome(webhook, status, text));
  }
}
