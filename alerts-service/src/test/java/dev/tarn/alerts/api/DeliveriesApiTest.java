package dev.tarn.alerts.api;

import static dev.tarn.alerts.api.ApiTestServer.alertId;
import static dev.tarn.alerts.api.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveriesApiTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void listsFailedDeliveriesAPageAtATime(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      long dead1 = s.insertDelivery(alertId(1), "d1", DeliveryStatus.DEAD);
      s.insertDelivery(alertId(1), "d2", DeliveryStatus.DELIVERED);
      long dead2 = s.insertDelivery(alertId(2), "d1", DeliveryStatus.DEAD);
      long dead3 = s.insertDelivery(alertId(3), "d1", DeliveryStatus.DEAD);

      List<Long> seen = new ArrayList<>();
      String cursor = null;
      do {
        HttpResponse<String> r = s.get("/api/v1/deliveries?status=dead&limit=2"
            + (cursor == null ? "" : "&cursor=" + cursor), s.readOnly);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        body.get("deliveries").forEach(d -> {
          assertThat(d.get("status").asText()).isEqualTo("DEAD");
          assertThat(d.get("lastError").asText()).isEqualTo("HTTP 500");
          seen.add(d.get("id").asLong());
        });
        cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
      } while (cursor != null);
      assertThat(seen).containsExactly(dead1, dead2, dead3);
      assertThat(json(s.get("/api/v1/deliveries", s.readOnly)).get("deliveries")).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void rejectsAnUnknownStatusFilter(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> r = s.get("/api/v1/deliveries?status=FAILED", s.readOnly);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).at("/error/message").asText()).contains("status=FAILED").contains("DEAD");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void retrySendsADeadLetterAgainWithFreshAttempts(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      long id = s.insertDelivery(alertId(1), "d1", DeliveryStatus.DEAD);

      HttpResponse<String> r = s.call("POST", "/api/v1/deliveries/" + id + "/retry", s.analyst, null);

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(json(r).get("requeued").asInt()).isEqualTo(1);
      var d = s.outbox.get(id).orElseThrow();
      assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(d.attempts()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void retryOfADeliveryThatIsNotDeadIsAConflict(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      long id = s.insertDelivery(alertId(1), "d1", DeliveryStatus.DELIVERED);

      HttpResponse<String> r = s.call("POST", "/api/v1/deliveries/" + id + "/retry", s.analyst, null);

      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(json(r).at("/error/message").asText()).contains("DELIVERED").contains("/deliver");
      assertThat(s.outbox.get(id).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(s.call("POST", "/api/v1/deliveries/424242/retry", s.analyst, null).statusCode()).isEqualTo(404);
      assertThat(s.call("POST", "/api/v1/deliveries/abc/retry", s.analyst, null).statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void retryAllRequeuesEveryDeadLetterOrOnlyOneDestinations(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      long a = s.insertDelivery(alertId(1), "d1", DeliveryStatus.DEAD);
      long b = s.insertDelivery(alertId(2), "d2", DeliveryStatus.DEAD);
      long c = s.insertDelivery(alertId(3), "d2", DeliveryStatus.DEAD);

      HttpResponse<String> one = s.call("POST", "/api/v1/deliveries/retry", s.analyst, "{\"destinationId\":\"d1\"}");
      assertThat(json(one).get("requeued").asInt()).isEqualTo(1);
      assertThat(s.outbox.get(a).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(s.outbox.get(b).orElseThrow().status()).isEqualTo(DeliveryStatus.DEAD);

      HttpResponse<String> all = s.call("POST", "/api/v1/deliveries/retry", s.analyst, null);
      assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
      assertThat(json(all).get("requeued").asInt()).isEqualTo(2);
      assertThat(s.outbox.get(c).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    }
  }
}
