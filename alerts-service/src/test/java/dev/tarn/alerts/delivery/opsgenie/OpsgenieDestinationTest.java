package dev.tarn.alerts.delivery.opsgenie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpsgenieDestinationTest {
  @Test
  void createsAnAlertWithGenieKeyAuthAndAnEscapedHtmlDescription() throws Exception {
    try (RecordingServer opsgenie = RecordingServer.answering(202, "{\"result\":\"Request will be processed\"}")) {
      OpsgenieDestination destination = new OpsgenieDestination(TestAlerts.config(DestinationType.OPSGENIE,
          Map.of("apiUrl", opsgenie.url("")), Map.of("apiKey", "og-key-1")), TestAlerts.context());
      AlertNotification alert = new AlertNotification(TestAlerts.ALERT_ID, "Rule.X", AlertType.RULE, "X",
          "Odd <b>title</b>", "CRITICAL", "uses <script> & \"quotes\"", "page on-call", null, List.of("a", "b"), null,
          TestAlerts.CREATED, "v1", TestAlerts.LINK, 1, null, false);

      DeliveryResult result = destination.send(alert);

      assertThat(result).isEqualTo(DeliveryResult.delivered(202));
      RecordingServer.Request request = opsgenie.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v2/alerts");
      assertThat(request.header("Authorization")).isEqualTo("GenieKey og-key-1");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      ObjectNode expected = (ObjectNode) PayloadJson.parse("""
          {"message": "New Alert: Odd <b>title</b>",
           "alias": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
           "tags": ["a", "b"],
           "priority": "P1"}
          """);
      expected.put("description", "<strong>Description:</strong> uses &lt;script&gt; &amp; &quot;quotes&quot;\n"
          + "<a href=\"https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90\">View in Tarn</a>\n"
          + "<strong>Runbook:</strong> page on-call\n"
          + "<strong>Severity:</strong> CRITICAL");
      assertThat(request.json()).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({"CRITICAL,P1", "HIGH,P2", "MEDIUM,P3", "LOW,P4", "INFO,P5"})
  void mapsSeveritiesToPanthersPriorities(String severity, String priority) {
    assertThat(OpsgenieDestination.priority(severity)).isEqualTo(priority);
  }

  @Test
  void longTitlesAreCutToOpsgeniesMessageLimit() {
    AlertNotification alert = TestAlerts.withTitle(TestAlerts.rule(), "t".repeat(300));
    assertThat(OpsgenieDestination.payload(alert).get("message").asText()).hasSize(130);
  }

  @Test
  void theServiceRegionPicksTheEndpoint() {
    assertThat(OpsgenieDestination.endpoint(new ConfigValues(Map.of("serviceRegion", "eu"), Map.of())))
        .isEqualTo(URI.create("https://api.eu.opsgenie.com/v2/alerts"));
    assertThat(OpsgenieDestination.endpoint(new ConfigValues(Map.of("serviceRegion", "US"), Map.of())))
        .isEqualTo(URI.create("https://api.opsgenie.com/v2/alerts"));
    assertThat(OpsgenieDestination.endpoint(new ConfigValues(Map.of(), Map.of())))
        .isEqualTo(URI.create("https://api.opsgenie.com/v2/alerts"));
  }
}
