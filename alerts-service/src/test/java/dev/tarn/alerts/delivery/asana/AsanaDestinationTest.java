package dev.tarn.alerts.delivery.asana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsanaDestinationTest {
  @Test
  void createsATaskInEveryProjectWithTheDetailedMessageAsNotes() {
    try (RecordingServer asana = RecordingServer.answering(201, "{\"data\": {\"gid\": \"1\"}}")) {
      AsanaDestination destination = new AsanaDestination(TestAlerts.config(DestinationType.ASANA,
          Map.of("projectGids", "1200000000000001, 1200000000000002", "apiUrl", asana.url("")),
          Map.of("personalAccessToken", "1/123:abc")), TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(201));
      RecordingServer.Request request = asana.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/api/1.0/tasks");
      assertThat(request.header("Authorization")).isEqualTo("Bearer 1/123:abc");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      ObjectNode data = PayloadJson.object()
          .put("name", "New Alert: Root login from 1.2.3.4")
          .put("notes", Notifications.plainText(TestAlerts.rule()));
      data.set("projects", PayloadJson.strings(List.of("1200000000000001", "1200000000000002")));
      assertThat(request.json()).isEqualTo(PayloadJson.object().set("data", data));
    }
  }
}
