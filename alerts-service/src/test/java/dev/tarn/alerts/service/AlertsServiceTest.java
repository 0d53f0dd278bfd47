package dev.tarn.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tarn.alerts.findings.FindingFixtures;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FixtureTable;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service, as `tarn alerts-service` runs it: findings committed to a Delta table become an alert that a
 * webhook receives (signed), and the API shows the alert with its events and its delivery.
 */
class AlertsServiceTest {
  private static final String ADMIN = "tarn_test_admin_token_0123456789";
  private static final String HMAC = "0123456789abcdef0123";
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  private record Received(String body, String signature) {}

  @Test
  void findingsBecomeAnAlertThatReachesTheWebhookAndTheApiShowsItsEvents() throws Exception {
    Path lake = temp.resolve("lake");
    FixtureTable matches = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail",
        FindingFixtures.schema(true, false));
    List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext("/hook", exchange -> {
      received.add(new Received(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
          exchange.getRequestHeaders().getFirst("X-Tarn-Signature")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    sink.start();
    Map<String, String> env = Map.of("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]),
        "TARN_ALERTS_ADMIN_TOKEN", ADMIN);
    AlertsConfig config = AlertsConfig.load(null, env, List.of("lake=" + lake, "alerts.port=0",
        "alerts.pollInterval=200ms", "alerts.deliveryInterval=100ms"));
    try (AlertsService service = AlertsService.open(config, env)) {
      assertThat(service.bootstrapAdminToken(env)).isEmpty(); // the token came from the environment: nothing to print
      service.start();
      String api = "http://127.0.0.1:" + service.port();
      HttpResponse<String> created = send("POST", api + "/api/v1/destinations", Map.of(
          "name", "soc-webhook", "type", "customwebhook",
          "settings", Map.of("webhookURL", "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook", "hmacSecret", HMAC),
          "defaultSeverities", List.of("HIGH"), "allowPrivateNetwork", true));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertThat(created.body()).doesNotContain(HMAC);

      Map<String, Object> first = new LinkedHashMap<>(FindingFixtures.match("m1", "AWS.Console.Login", "2026-11-01T10:00:00Z"));
      Map<String, Object> second = new LinkedHashMap<>(FindingFixtures.match("m2", "AWS.Console.Login", "2026-11-01T10:05:00Z"));
      for (Map<String, Object> row : List.of(first, second)) {
        row.put("p_alert_destinations", null);
        row.put("p_rule_output_ids", List.of());
      }
      matches.append(List.of(first, second));

      long deadline = System.currentTimeMillis() + 30_000;
      while (received.isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(received).hasSize(1);
      JsonNode payload = JSON.readTree(received.get(0).body());
      assertThat(payload.path("id").asText()).isEqualTo("AWS.Console.Login");
      assertThat(payload.path("title").asText()).isEqualTo("New Alert: Login by alice");
      assertThat(payload.path("severity").asText()).isEqualTo("HIGH");
      assertThat(payload.path("eventCount").asLong()).isEqualTo(2);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(HMAC.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      assertThat(received.get(0).signature()).isEqualTo("sha256="
          + HexFormat.of().formatHex(mac.doFinal(received.get(0).body().getBytes(StandardCharsets.UTF_8))));

      String alertId = payload.path("alertId").asText();
      JsonNode alert = JSON.readTree(send("GET", api + "/api/v1/alerts/" + alertId, null).body());
      assertThat(alert.path("alert").path("eventCount").asLong()).isEqualTo(2);
      assertThat(alert.path("events")).hasSize(2);
      assertThat(alert.path("events").get(0).path("eventName").asText()).isEqualTo("ConsoleLogin");
      assertThat(alert.path("events").get(0).path("p_match_id").asText()).isEqualTo("m1");
      assertThat(alert.path("deliveries").get(0).path("status").asText()).isEqualTo("DELIVERED");
      assertThat(send("GET", api + "/metrics", null).body()).contains("tarn_alerts_total{severity=\"HIGH\",type=\"RULE\"} 1.0");
      assertThat(send("GET", api + "/health", null).statusCode()).isEqualTo(200);
    } finally {
      sink.stop(0);
    }
  }

  private static HttpResponse<String> send(String method, String url, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + ADMIN);
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
