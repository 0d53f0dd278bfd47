package dev.tarn.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.dedup.AlertIds;
import dev.tarn.alerts.findings.FindingFixtures;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FixtureTable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * System findings ({@code tarn_system_errors.health}, written by {@code tarn health}) through the whole service: they
 * become SYSTEM_ERROR alerts, deduplicated like rule alerts, delivered to an alarm destination (alertTypes
 * [SYSTEM_ERROR]) and to no rule destination, and listed by the API without events. The loops are started with an
 * hour's interval and driven by {@code pollOnce}/{@code deliverDue}, so each step is finished when it returns.
 */
class SystemAlarmsTest {
  private static final String ADMIN = "tarn_test_admin_token_0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALARM = "Tarn.Health.SourceSilent";
  private static final String SOURCE = "aws-cloudtrail-prod";
  private static final String ALERT_ID = AlertIds.processingAlertId(ALARM, 1, SOURCE, AlertType.SYSTEM_ERROR);

  @TempDir Path temp;
  private final List<AutoCloseable> open = new ArrayList<>();
  private FixtureTable health;
  private RecordingServer alarms;
  private RecordingServer soc;
  private AlertsService service;
  private String base;
  private String alarmDestination;

  @BeforeEach
  void start() throws Exception {
    Path lake = temp.resolve("lake");
    health = FixtureTable.create(lake, FindingKind.SYSTEM, "health", FindingFixtures.systemSchema());
    alarms = track(RecordingServer.answering(200, ""));
    soc = track(RecordingServer.answering(200, ""));
    Map<String, String> env = Map.of("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]),
        "TARN_ALERTS_ADMIN_TOKEN", ADMIN);
    AlertsConfig config = AlertsConfig.load(null, env, List.of("lake=" + lake, "alerts.port=0",
        "alerts.pollInterval=1h", "alerts.deliveryInterval=1h", "alerts.linkPrefix=https://tarn.example/alerts/"));
    service = track(AlertsService.open(config, env));
    service.bootstrapAdminToken(env);
    service.start();
    base = "http://127.0.0.1:" + service.port();
    alarmDestination = createDestination("tarn-alarms", alarms.url("/alarm"), "SYSTEM_ERROR");
    createDestination("soc", soc.url("/soc"), "RULE");
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aSourceSilentFindingIsDeliveredToTheAlarmDestinationOnly() throws Exception {
    health.append(List.of(FindingFixtures.system("h1", ALARM, SOURCE, "2026-11-01T10:00:00Z")));

    service.pollOnce();
    service.deliverDue();

    RecordingServer.Request request = alarms.onlyRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/alarm");
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("X-Tarn-Alert-Id")).isEqualTo(ALERT_ID);
    String createdAt = request.json().path("createdAt").asText();
    assertThat(request.json()).isEqualTo(JSON.readTree("""
        {"id": "Tarn.Health.SourceSilent", "createdAt": "%s", "severity": "HIGH", "type": "SYSTEM_ERROR",
         "link": "https://tarn.example/alerts/%s", "title": "New system error: SourceSilent: aws-cloudtrail-prod",
         "name": "SourceSilent", "alertId": "%s", "alertContext": {"subject": "aws-cloudtrail-prod"},
         "description": "Tarn health check Tarn.Health.SourceSilent fired for aws-cloudtrail-prod",
         "runbook": "docs/runbooks.md#source-silent", "tags": ["tarn-health"], "version": "1",
         "eventCount": 1, "logTypes": []}
        """.formatted(createdAt, ALERT_ID, ALERT_ID)));
    assertThat(soc.requests()).isEmpty();
    assertThat(get("/alerts/" + ALERT_ID).path("deliveries")).hasSize(1);
    assertThat(metrics()).contains("tarn_alerts_total{severity=\"HIGH\",type=\"SYSTEM_ERROR\"} 1.0");
  }

  @Test
  void theSameSubjectAgainWithinThePeriodCountsInWithoutASecondDelivery() throws Exception {
    health.append(List.of(FindingFixtures.system("h1", ALARM, SOURCE, "2026-11-01T10:00:00Z")));
    service.pollOnce();
    service.deliverDue();
    health.append(List.of(FindingFixtures.system("h2", ALARM, SOURCE, "2026-11-01T10:15:00Z")));

    service.pollOnce();
    service.deliverDue();

    JsonNode alert = get("/alerts/" + ALERT_ID);
    assertThat(alert.path("alert").path("eventCount").asLong()).isEqualTo(2);
    assertThat(alert.path("deliveries")).hasSize(1);
    assertThat(alarms.requests()).hasSize(1);
    assertThat(get("/alerts?type=SYSTEM_ERROR").path("alerts")).hasSize(1);
  }

  @Test
  void theApiListsTheAlertAsASystemErrorWithNoEvents() throws Exception {
    health.append(List.of(FindingFixtures.system("h1", ALARM, SOURCE, "2026-11-01T10:00:00Z")));

    service.pollOnce();

    JsonNode listed = get("/alerts?type=SYSTEM_ERROR").path("alerts");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("id").asText()).isEqualTo(ALERT_ID);
    assertThat(listed.get(0).path("type").asText()).isEqualTo("SYSTEM_ERROR");
    assertThat(listed.get(0).path("runbook").asText()).isEqualTo("docs/runbooks.md#source-silent");
    assertThat(get("/alerts?type=RULE,RULE_ERROR").path("alerts")).isEmpty();
    JsonNode detail = get("/alerts/" + ALERT_ID);
    assertThat(detail.path("events").isArray()).isTrue();
    assertThat(detail.path("events")).isEmpty();
  }

  @Test
  void aTestSendToAnAlarmDestinationIsASystemError() throws Exception {
    HttpResponse<String> tested = send("POST", "/api/v1/destinations/" + alarmDestination + "/test", null);

    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
    assertThat(alarms.onlyRequest().json().path("type").asText()).isEqualTo("SYSTEM_ERROR");
    assertThat(alarms.onlyRequest().json().path("title").asText()).isEqualTo("New system error: This is a test alert from Tarn");
  }

  /** Creates a custom webhook for every severity that accepts only {@code alertType}; returns its id. */
  private String createDestination(String name, String url, String alertType) throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/destinations", Map.of("name", name, "type", "customwebhook",
        "settings", Map.of("webhookURL", url), "defaultSeverities", List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"),
        "alertTypes", List.of(alertType), "allowPrivateNetwork", true));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send("GET", "/api/v1" + path, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String metrics() throws Exception {
    return send("GET", "/metrics", null).body();
  }

  private HttpResponse<String> send(String method, String path, Object body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + ADMIN);
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private <T extends AutoCloseable> T track(T resource) {
    open.add(resource);
    return resource;
  }
}
