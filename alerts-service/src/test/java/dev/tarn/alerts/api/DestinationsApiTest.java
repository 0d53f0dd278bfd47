package dev.tarn.alerts.api;

import static dev.tarn.alerts.api.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DestinationsApiTest {
  private static final String SECRET_URL = "https://hooks.example.com/T000/B000/very-secret-path";
  private static final String SECRET_KEY = "k3y-do-not-leak-0123456789";

  @TempDir Path temp;

  private static String webhookBody(String name, String url, String apiKey) {
    return "{\"name\":\"" + name + "\",\"type\":\"customwebhook\",\"settings\":{\"webhookURL\":\"" + url + "\","
        + (apiKey == null ? "" : "\"apiKey\":\"" + apiKey + "\",") + "\"label\":\"ops\"},"
        + "\"defaultSeverities\":[\"high\",\"CRITICAL\"],\"alertTypes\":[\"RULE\"],\"allowPrivateNetwork\":true}";
  }

  private static String create(ApiTestServer s, String body) {
    HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asText();
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void createsADestinationAndShowsItsSettingsWithSecretsRedacted(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin,
          webhookBody("ops-hook", SECRET_URL, SECRET_KEY));

      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode d = json(r);
      assertThat(d.get("id").asText()).matches("[0-9a-f-]{36}");
      assertThat(d.get("type").asText()).isEqualTo("customwebhook");
      assertThat(d.at("/settings/webhookURL").asText()).isEqualTo("********");
      assertThat(d.at("/settings/apiKey").asText()).isEqualTo("********");
      assertThat(d.at("/settings/label").asText()).isEqualTo("ops");
      assertThat(d.get("defaultSeverities").toString()).isEqualTo("[\"HIGH\",\"CRITICAL\"]");
      assertThat(d.get("alertTypes").toString()).isEqualTo("[\"RULE\"]");
      assertThat(d.get("allowPrivateNetwork").asBoolean()).isTrue();
      var stored = s.destinations.get(d.get("id").asText()).orElseThrow().config();
      assertThat(stored.secrets()).containsEntry("webhookURL", SECRET_URL).containsEntry("apiKey", SECRET_KEY);
      assertThat(stored.settings()).containsOnlyKeys("label");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void neverShowsASecretInAnyResponseAndStoresItSealed(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String id = create(s, webhookBody("ops-hook", SECRET_URL, SECRET_KEY));
      List<HttpResponse<String>> responses = List.of(
          s.get("/api/v1/destinations", s.readOnly),
          s.get("/api/v1/destinations/" + id, s.admin),
          s.call("PUT", "/api/v1/destinations/" + id, s.admin, webhookBody("ops-hook-2", "********", null)),
          s.call("POST", "/api/v1/destinations/" + id + "/test", s.analyst, null));
      for (HttpResponse<String> r : responses) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(SECRET_URL).doesNotContain("very-secret").doesNotContain(SECRET_KEY);
      }
      String raw = s.queryText("SELECT secrets FROM destinations WHERE id = ?", id);
      assertThat(raw).startsWith("v1:").doesNotContain("very-secret").doesNotContain(SECRET_KEY);
      assertThat(s.queryText("SELECT settings FROM destinations WHERE id = ?", id)).doesNotContain("very-secret");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void putKeepsSecretsSentRedactedOrOmittedAndReplacesTheRest(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String id = create(s, webhookBody("ops-hook", SECRET_URL, SECRET_KEY));
      HttpResponse<String> r = s.call("PUT", "/api/v1/destinations/" + id, s.admin, "{\"name\":\"renamed\","
          + "\"type\":\"customwebhook\",\"settings\":{\"webhookURL\":\"********\",\"label\":\"sec\"}}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(json(r).get("name").asText()).isEqualTo("renamed");
      var stored = s.destinations.get(id).orElseThrow().config();
      assertThat(stored.secrets()).containsEntry("webhookURL", SECRET_URL).containsEntry("apiKey", SECRET_KEY);
      assertThat(stored.settings()).containsExactlyEntriesOf(java.util.Map.of("label", "sec"));
      assertThat(stored.defaultSeverities()).isEmpty();
      assertThat(stored.allowPrivateNetwork()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void putReplacesASecretSentWithANewValueAndRemovesOneSentEmpty(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String id = create(s, webhookBody("ops-hook", SECRET_URL, SECRET_KEY));
      HttpResponse<String> r = s.call("PUT", "/api/v1/destinations/" + id, s.admin,
          webhookBody("ops-hook", "https://new.example.com/x", ""));

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      var stored = s.destinations.get(id).orElseThrow().config();
      assertThat(stored.secrets()).containsExactlyEntriesOf(java.util.Map.of("webhookURL", "https://new.example.com/x"));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void refusesTheRedactionPlaceholderWhereNoSecretIsStored(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin,
          webhookBody("ops-hook", "********", null));

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).at("/error/message").asText()).contains("settings.webhookURL").contains("real secret");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void reportsEveryValidationProblemAndStoresNothing(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin,
          "{\"name\":\"q\",\"type\":\"sqs\",\"settings\":{}}");
      HttpResponse<String> hook = s.call("POST", "/api/v1/destinations", s.admin,
          webhookBody("h", "ftp://example.com", null));

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).at("/error/code").asText()).isEqualTo("invalid_destination");
      assertThat(json(r).at("/error/details/0").asText()).isEqualTo("settings.queueUrl is required for sqs");
      assertThat(json(hook).at("/error/message").asText()).contains("webhookURL must be an http(s) URL");
      assertThat(s.destinations.list()).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void rejectsMalformedFieldsNamingTheField(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      for (String[] c : List.of(
          new String[] {"{\"type\":\"sqs\"}", "name"},
          new String[] {"{\"name\":\"x\",\"type\":\"carrier-pigeon\"}", "type"},
          new String[] {"{\"name\":\"x\",\"type\":\"sqs\",\"settings\":[]}", "settings"},
          new String[] {"{\"name\":\"x\",\"type\":\"sqs\",\"settings\":{\"queueUrl\":{}}}", "settings.queueUrl"},
          new String[] {"{\"name\":\"x\",\"type\":\"sqs\",\"defaultSeverities\":[\"urgent\"]}", "defaultSeverities"},
          new String[] {"{\"name\":\"x\",\"type\":\"sqs\",\"alertTypes\":[\"ALL\"]}", "alertTypes"},
          new String[] {"{\"name\":\"x\",\"type\":\"sqs\",\"allowPrivateNetwork\":\"yes\"}", "allowPrivateNetwork"},
          new String[] {"{\"name\":", "JSON"})) {
        HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin, c[0]);
        assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
        assertThat(json(r).at("/error/message").asText()).as(c[0]).contains(c[1]);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void refusesASecondDestinationWithTheSameName(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      create(s, webhookBody("ops-hook", SECRET_URL, null));
      HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin, webhookBody("ops-hook", SECRET_URL, null));

      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(json(r).at("/error/message").asText()).contains("ops-hook");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void deletesADestination(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String id = create(s, webhookBody("ops-hook", SECRET_URL, null));

      assertThat(s.call("DELETE", "/api/v1/destinations/" + id, s.admin, null).statusCode()).isEqualTo(204);
      assertThat(s.get("/api/v1/destinations/" + id, s.readOnly).statusCode()).isEqualTo(404);
      assertThat(s.call("DELETE", "/api/v1/destinations/" + id, s.admin, null).statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void testSendPassesTheStoredConfigurationAndReportsTheOutcome(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String id = create(s, webhookBody("ops-hook", SECRET_URL, null));
      s.tester.result = DeliveryResult.retryable(502, "HTTP 502 from example.com");

      HttpResponse<String> r = s.call("POST", "/api/v1/destinations/" + id + "/test", s.analyst, null);

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(json(r).get("success").asBoolean()).isFalse();
      assertThat(json(r).get("statusCode").asInt()).isEqualTo(502);
      assertThat(json(r).get("message").asText()).isEqualTo("HTTP 502 from example.com");
      assertThat(s.tester.tested).singleElement().satisfies(c -> {
        assertThat(c.type()).isEqualTo(DestinationType.CUSTOMWEBHOOK);
        assertThat(c.secrets()).containsEntry("webhookURL", SECRET_URL);
      });
    }
  }
}
