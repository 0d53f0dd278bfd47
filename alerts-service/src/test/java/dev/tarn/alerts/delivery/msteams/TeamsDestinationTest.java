package dev.tarn.alerts.delivery.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsDestinationTest {
  @Test
  void postsAMessageCardWithFactsAndAViewAction() throws Exception {
    try (RecordingServer teams = RecordingServer.answering(200, "1")) {
      TeamsDestination destination = new TeamsDestination(TestAlerts.config(DestinationType.MSTEAMS, Map.of(),
          Map.of("webhookURL", teams.url("/webhookb2/abc@def/IncomingWebhook/123/456"))), TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      RecordingServer.Request request = teams.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/webhookb2/abc@def/IncomingWebhook/123/456");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.json()).isEqualTo(PayloadJson.parse("""
          {"@type": "MessageCard",
           "@context": "https://schema.org/extensions",
           "summary": "New Alert: Root login from 1.2.3.4",
           "text": "New Alert: Root login from 1.2.3.4",
           "themeColor": "cb2e2e",
           "sections": [{"facts": [
             {"name": "Description", "value": "The root account was used."},
             {"name": "Runbook", "value": "Check with the account owner."},
             {"name": "Severity", "value": "HIGH"},
             {"name": "Tags", "value": "AWS, Identity"},
             {"name": "AlertContext", "value": "{\\"ip\\":\\"1.2.3.4\\",\\"count\\":2}"}]}],
           "potentialAction": [{"@type": "OpenUri", "name": "View in Tarn",
             "targets": [{"os": "default", "uri": "https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90"}]}]}
          """));
    }
  }
}
