package dev.tarn.alerts.delivery.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyDestinationTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef";

  private PagerDutyDestination destination(RecordingServer server) {
    return new PagerDutyDestination(TestAlerts.config(DestinationType.PAGERDUTY, Map.of("apiUrl", server.url("/")),
        Map.of("integrationKey", KEY)), TestAlerts.context());
  }

  @Test
  void triggersAnEventsV2IncidentDedupedByAlertId() throws Exception {
    try (RecordingServer pagerDuty = RecordingServer.answering(202,
        "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}")) {
      DeliveryResult result = destination(pagerDuty).send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(202));
      RecordingServer.Request request = pagerDuty.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v2/enqueue");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      assertThat(request.json()).isEqualTo(PayloadJson.parse("""
          {"routing_key": "0123456789abcdef0123456789abcdef",
           "event_action": "trigger",
           "dedup_key": "a1b2c3d4e5f60718293a4b5c6d7e8f90",
           "payload": {
             "summary": "New Alert: Root login from 1.2.3.4",
             "severity": "error",
             "timestamp": "2024-05-06T07:08:09Z",
             "source": "tarn",
             "component": "AWS.CloudTrail.RootLogin",
             "class": "RULE",
             "custom_details": %s},
           "links": [{"href": "https://tarn.example/alerts/a1b2c3d4e5f60718293a4b5c6d7e8f90", "text": "View in Tarn"}]}
          """.formatted(PayloadJson.text(Notifications.generic(TestAlerts.rule())))));
    }
  }

  @ParameterizedTest
  @CsvSource({"INFO,info", "LOW,info", "MEDIUM,warning", "HIGH,error", "CRITICAL,critical"})
  void mapsSeveritiesLikePanther(String severity, String expected) {
    assertThat(PagerDutyDestination.severity(severity)).hasValue(expected);
  }

  @Test
  void anUnknownSeverityFailsPermanentlyWithoutSending() {
    try (RecordingServer pagerDuty = RecordingServer.answering(202, "{}")) {
      DeliveryResult result = destination(pagerDuty).send(TestAlerts.withSeverity(TestAlerts.rule(), "SEVERE"));
      assertThat(result.permanent()).isTrue();
      assertThat(result.message()).contains("SEVERE");
      assertThat(pagerDuty.requests()).isEmpty();
    }
  }
}
