package dev.tarn.alerts.delivery.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlackDestinationTest {
  @Test
  void postsOneAttachmentWithTitleColorLinkRunbookAndSeverity() throws Exception {
    try (RecordingServer slack = RecordingServer.answering(200, "ok")) {
      SlackDestination destination = new SlackDestination(TestAlerts.config(DestinationType.SLACK, Map.of(),
          Map.of("webhookURL", slack.url("/services/T000/B000/XXXX"))), TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      RecordingServer.Request request = slack.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.json()).isEqualTo(PayloadJson.parse("""
          {"attachments": [{
            "fallback": "New Alert: Root login from 1.2.3.4",
            "color": "#cb2e2e",
            "title": "New Alert: Root login from 1.2.3.4",
            "fields": [
              {"value": "<https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90|View in Tarn>", "short": false},
              {"title": "Runbook", "value": "Check with the account owner.", "short": false},
              {"title": "Severity", "value": "HIGH", "short": true}]}]}
          """));
    }
  }

  @Test
  void colorsFollowPanthersSeverityColors() {
    assertThat(SlackDestination.payload(TestAlerts.withSeverity(TestAlerts.rule(), "CRITICAL"))
        .at("/attachments/0/color").asText()).isEqualTo("#425a70");
    assertThat(SlackDestination.payload(TestAlerts.withSeverity(TestAlerts.rule(), "MEDIUM"))
        .at("/attachments/0/color").asText()).isEqualTo("#d9822b");
    assertThat(SlackDestination.payload(TestAlerts.withSeverity(TestAlerts.rule(), "LOW"))
        .at("/attachments/0/color").asText()).isEqualTo("#f7d154");
    assertThat(SlackDestination.payload(TestAlerts.withSeverity(TestAlerts.rule(), "INFO"))
        .at("/attachments/0/color").asText()).isEqualTo("#47b881");
  }

  @Test
  void failureMessagesDoNotContainTheWebhookUrl() {
    try (RecordingServer slack = RecordingServer.answering(404, "no_service")) {
      String webhook = slack.url("/services/T000/B000/XXXX");
      DeliveryResult result = new SlackDestination(TestAlerts.config(DestinationType.SLACK, Map.of(),
          Map.of("webhookURL", webhook)), TestAlerts.context()).send(TestAlerts.rule());
      assertThat(result.statusCode()).isEqualTo(404);
      assertThat(result.message()).isEqualTo("HTTP 404 from 127.0.0.1: no_service").doesNotContain("XXXX");
    }
  }
}
