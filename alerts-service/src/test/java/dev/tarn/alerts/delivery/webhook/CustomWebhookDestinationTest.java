package dev.tarn.alerts.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CustomWebhookDestinationTest {
  private static final String SECRET = "a-shared-secret-of-some-length";

  @Test
  void postsTheGenericNotificationWithTheAlertIdHeader() throws Exception {
    try (RecordingServer receiver = RecordingServer.answering(200, "")) {
      CustomWebhookDestination destination = new CustomWebhookDestination(TestAlerts.config(
          DestinationType.CUSTOMWEBHOOK, Map.of(), Map.of("webhookURL", receiver.url("/alerts?source=tarn"))),
          TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      RecordingServer.Request request = receiver.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/alerts");
      assertThat(request.query()).isEqualTo("source=tarn");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.header("X-Tarn-Alert-Id")).isEqualTo(TestAlerts.ALERT_ID);
      assertThat(request.header("X-Tarn-Signature")).isNull();
      assertThat(request.json()).isEqualTo(PayloadJson.parse(PayloadJson.text(Notifications.generic(TestAlerts.rule()))));
    }
  }

  @Test
  void signsTheExactBodyWithHmacSha256OfTheSecret() throws Exception {
    try (RecordingServer receiver = RecordingServer.answering(200, "")) {
      new CustomWebhookDestination(TestAlerts.config(DestinationType.CUSTOMWEBHOOK, Map.of(),
          Map.of("webhookURL", receiver.url("/alerts"), "hmacSecret", SECRET)), TestAlerts.context())
          .send(TestAlerts.rule());

      RecordingServer.Request request = receiver.onlyRequest();
      // Recompute as a receiver would, independently of WebhookSignature.
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
      assertThat(request.header("X-Tarn-Signature")).isEqualTo(expected);
    }
  }

  @Test
  void verificationRejectsAnAlteredBody() {
    WebhookSignature signature = new WebhookSignature(SECRET);
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String header = signature.sign(body);
    assertThat(signature.verify(body, header)).isTrue();
    assertThat(signature.verify("{\"a\":2}".getBytes(StandardCharsets.UTF_8), header)).isFalse();
    assertThat(new WebhookSignature("another-secret-entirely").verify(body, header)).isFalse();
  }

  @Test
  void aServerErrorIsRetryableWithItsStatus() {
    try (RecordingServer receiver = RecordingServer.answering(503, "maintenance")) {
      DeliveryResult result = new CustomWebhookDestination(TestAlerts.config(DestinationType.CUSTOMWEBHOOK,
          Map.of(), Map.of("webhookURL", receiver.url("/alerts"))), TestAlerts.context()).send(TestAlerts.rule());
      assertThat(result).isEqualTo(DeliveryResult.retryable(503, "HTTP 503 from 127.0.0.1: maintenance"));
    }
  }
}
