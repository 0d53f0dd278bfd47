package dev.tarn.alerts.api;

import static dev.tarn.alerts.api.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsApiTest {
  @TempDir Path temp;
  private ApiTestServer s;

  @BeforeEach
  void start() {
    s = new ApiTestServer(Database.Dialect.H2, temp);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void healthNeedsNoTokenAndShowsTheSuppliedDetails() {
    s.health.set(Map.of("database", "ok", "lastPollAt", "2024-05-01T11:59:00Z", "lagSeconds", 4));

    HttpResponse<String> r = s.get("/health", null);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("status").asText()).isEqualTo("ok");
    assertThat(json(r).get("lagSeconds").asInt()).isEqualTo(4);
    assertThat(json(r).get("lastPollAt").asText()).isEqualTo("2024-05-01T11:59:00Z");
  }

  @Test
  void healthIsDegradedWith503WhenTheDetailsSaySo() {
    s.health.set(Map.of("status", "degraded", "database", "unreachable"));

    HttpResponse<String> r = s.get("/health", null);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("status").asText()).isEqualTo("degraded");
    assertThat(json(r).get("database").asText()).isEqualTo("unreachable");
  }

  @Test
  void healthIsDegradedWithoutTheCauseWhenTheCheckFails() {
    s.health.set(null);

    HttpResponse<String> r = s.get("/health", null);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(json(r).get("status").asText()).isEqualTo("degraded");
    assertThat(r.body()).doesNotContain("db-internal");
  }

  @Test
  void metricsArePrometheusText() {
    HttpResponse<String> r = s.get("/metrics", s.readOnly);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body()).contains("# TYPE tarn_alerts_delivery_delay");
  }

  @Test
  void unknownEndpointsAnswerAJsonError() {
    HttpResponse<String> r = s.get("/api/v1/nothing-here", s.readOnly);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json(r).at("/error/code").asText()).isEqualTo("not_found");
    assertThat(json(r).at("/error/message").asText()).contains("/api/v1/nothing-here").contains("openapi");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsABadRequest() {
    HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts", s.analyst, "[1, 2]");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).at("/error/message").asText()).contains("JSON object").contains("an array");
  }
}
