package dev.tarn.alerts.api;

import static dev.tarn.alerts.api.ApiTestServer.NOW;
import static dev.tarn.alerts.api.ApiTestServer.alertId;
import static dev.tarn.alerts.api.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertsApiTest {
  @TempDir Path temp;

  /** Five alerts an hour apart, newest = 5: mixed statuses, severities, rules and types. */
  private ApiTestServer seeded(Database.Dialect dialect) {
    ApiTestServer s = new ApiTestServer(dialect, temp);
    s.insertAlert(alertId(1), NOW.minusSeconds(5 * 3600), "OPEN", "LOW", "Rule.A", "RULE");
    s.insertAlert(alertId(2), NOW.minusSeconds(4 * 3600), "TRIAGED", "HIGH", "Rule.A", "RULE");
    s.insertAlert(alertId(3), NOW.minusSeconds(3 * 3600), "OPEN", "HIGH", "Rule.B", "RULE_ERROR");
    s.insertAlert(alertId(4), NOW.minusSeconds(2 * 3600), "CLOSED", "CRITICAL", "Rule.B", "RULE");
    s.insertAlert(alertId(5), NOW.minusSeconds(3600), "OPEN", "MEDIUM", "Rule.A", "RULE");
    return s;
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> out = new ArrayList<>();
    json(response).get("alerts").forEach(a -> out.add(a.get("id").asText()));
    return out;
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void listsNewestFirstAndPagesWithTheCursorUntilItIsNull(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        HttpResponse<String> r = s.get("/api/v1/alerts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
            s.readOnly);
        seen.addAll(ids(r));
        JsonNode next = json(r).get("nextCursor");
        cursor = next.isNull() ? null : next.asText();
        pages++;
      } while (cursor != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactly(alertId(5), alertId(4), alertId(3), alertId(2), alertId(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void keepsAlertsCreatedInTheSameInstantApartByIdAcrossPages(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      for (int i = 1; i <= 3; i++) {
        s.insertAlert(alertId(i), NOW, "OPEN", "LOW", "Rule.A", "RULE");
      }
      JsonNode first = json(s.get("/api/v1/alerts?limit=2", s.readOnly));
      List<String> second = ids(s.get("/api/v1/alerts?limit=2&cursor=" + first.get("nextCursor").asText(),
          s.readOnly));
      assertThat(first.at("/alerts/0/id").asText()).isEqualTo(alertId(3));
      assertThat(first.at("/alerts/1/id").asText()).isEqualTo(alertId(2));
      assertThat(second).containsExactly(alertId(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void filtersByStatusSeverityRuleTypeAndCreationTime(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      assertThat(ids(s.get("/api/v1/alerts?status=OPEN", s.readOnly)))
          .containsExactly(alertId(5), alertId(3), alertId(1));
      assertThat(ids(s.get("/api/v1/alerts?status=triaged,closed", s.readOnly)))
          .containsExactly(alertId(4), alertId(2));
      assertThat(ids(s.get("/api/v1/alerts?severity=HIGH", s.readOnly))).containsExactly(alertId(3), alertId(2));
      assertThat(ids(s.get("/api/v1/alerts?ruleId=Rule.B", s.readOnly))).containsExactly(alertId(4), alertId(3));
      assertThat(ids(s.get("/api/v1/alerts?type=RULE_ERROR", s.readOnly))).containsExactly(alertId(3));
      assertThat(ids(s.get("/api/v1/alerts?from=2024-05-01T08:00:00Z&to=2024-05-01T10:00:00Z", s.readOnly)))
          .containsExactly(alertId(3), alertId(2));
      assertThat(ids(s.get("/api/v1/alerts?status=OPEN&ruleId=Rule.A&severity=LOW,MEDIUM", s.readOnly)))
          .containsExactly(alertId(5), alertId(1));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void rejectsBadListParametersNamingTheParameter(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      for (String query : List.of("limit=0", "limit=101", "limit=x", "status=NEW", "severity=urgent", "type=X",
          "from=yesterday", "cursor=%21%21", "from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z")) {
        HttpResponse<String> r = s.get("/api/v1/alerts?" + query, s.readOnly);
        String parameter = query.substring(0, query.indexOf('='));
        assertThat(r.statusCode()).as(query).isEqualTo(400);
        assertThat(json(r).at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(json(r).at("/error/message").asText()).as(query).contains(parameter);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void getsAnAlertWithItsEventsDeliveriesAttemptsAndAuditTrail(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      String id = alertId(2);
      s.events.put(id, List.of(Map.of("p_row_id", "r1", "eventName", "ConsoleLogin"), Map.of("p_row_id", "r2"),
          Map.of("p_row_id", "r3")));
      long delivery = s.insertDelivery(id, "dest-1", DeliveryStatus.PENDING);
      s.outbox.recordFailure(s.outbox.get(delivery).orElseThrow(), DeliveryResult.retryable(503, "HTTP 503"), 12,
          NOW.plusSeconds(60));
      s.call("PATCH", "/api/v1/alerts/" + id, s.analyst, "{\"assignee\":\"kim\"}");

      JsonNode body = json(s.get("/api/v1/alerts/" + id + "?eventsLimit=2", s.readOnly));

      assertThat(body.at("/alert/id").asText()).isEqualTo(id);
      assertThat(body.at("/alert/status").asText()).isEqualTo("TRIAGED");
      assertThat(body.at("/alert/context/ip").asText()).isEqualTo("10.0.0.1");
      assertThat(body.at("/alert/createdAt").asText()).isEqualTo("2024-05-01T08:00:00Z");
      assertThat(body.get("events")).hasSize(2);
      assertThat(body.at("/events/0/eventName").asText()).isEqualTo("ConsoleLogin");
      assertThat(body.at("/deliveries/0/destinationId").asText()).isEqualTo("dest-1");
      assertThat(body.at("/deliveries/0/attempts/0/statusCode").asInt()).isEqualTo(503);
      assertThat(body.at("/deliveries/0/attempts/0/error").asText()).isEqualTo("HTTP 503");
      assertThat(body.at("/audit/0/field").asText()).isEqualTo("assignee");
      assertThat(body.at("/audit/0/newValue").asText()).isEqualTo("kim");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void answers404ForAnUnknownAlert(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      HttpResponse<String> r = s.get("/api/v1/alerts/" + alertId(99), s.readOnly);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).at("/error/message").asText()).contains(alertId(99));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void changesStatusAndAssigneeRecordingWhoDidItInTheAuditTrail(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      String id = alertId(1);
      HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts/" + id, s.analyst,
          "{\"status\":\"resolved\",\"assignee\":\"kim\"}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode alert = json(r).get("alert");
      assertThat(json(r).get("updated").asInt()).isEqualTo(1);
      assertThat(alert.get("status").asText()).isEqualTo("RESOLVED");
      assertThat(alert.get("assignee").asText()).isEqualTo("kim");
      assertThat(alert.get("statusUpdatedBy").asText()).isEqualTo("ana");
      assertThat(alert.get("statusUpdatedAt").asText()).isEqualTo(NOW.toString());
      JsonNode audit = json(s.get("/api/v1/alerts/" + id, s.readOnly)).get("audit");
      assertThat(audit).hasSize(2);
      assertThat(audit.get(0).get("actor").asText()).isEqualTo("ana");
      assertThat(audit.get(0).get("field").asText()).isEqualTo("status");
      assertThat(audit.get(0).get("oldValue").asText()).isEqualTo("OPEN");
      assertThat(audit.get(0).get("newValue").asText()).isEqualTo("RESOLVED");
      assertThat(audit.get(0).get("changedAt").asText()).isEqualTo(NOW.toString());
      assertThat(audit.get(1).get("field").asText()).isEqualTo("assignee");
      assertThat(audit.get(1).get("oldValue").isNull()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void unassignsWithNullAndLeavesUnchangedFieldsOutOfTheAuditTrail(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      String id = alertId(1);
      s.call("PATCH", "/api/v1/alerts/" + id, s.analyst, "{\"assignee\":\"kim\"}");
      HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts/" + id, s.analyst,
          "{\"status\":\"OPEN\",\"assignee\":null}");

      assertThat(json(r).get("updated").asInt()).isEqualTo(1);
      assertThat(json(r).at("/alert/assignee").isNull()).isTrue();
      JsonNode audit = json(s.get("/api/v1/alerts/" + id, s.readOnly)).get("audit");
      assertThat(audit).hasSize(2);
      assertThat(audit.get(1).get("oldValue").asText()).isEqualTo("kim");
      assertThat(audit.get(1).get("newValue").isNull()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void rejectsAnUpdateWithNothingToChangeOrAnUnknownStatus(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      assertThat(s.call("PATCH", "/api/v1/alerts/" + alertId(1), s.analyst, "{}").statusCode()).isEqualTo(400);
      HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts/" + alertId(1), s.analyst, "{\"status\":\"DONE\"}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(json(r).at("/error/message").asText()).contains("status").contains("TRIAGED");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void bulkUpdateChangesEveryListedAlertAndCountsOnlyRealChanges(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts", s.analyst, "{\"alertIds\":[\"" + alertId(1)
          + "\",\"" + alertId(2) + "\",\"" + alertId(3) + "\"],\"status\":\"TRIAGED\"}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(json(r).get("updated").asInt()).isEqualTo(2);
      assertThat(ids(s.get("/api/v1/alerts?status=TRIAGED", s.readOnly)))
          .containsExactly(alertId(3), alertId(2), alertId(1));
      assertThat(s.queryText("SELECT count(*) FROM alert_audit")).isEqualTo("2");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void bulkUpdateWithAnUnknownIdChangesNothingAndListsIt(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      HttpResponse<String> r = s.call("PATCH", "/api/v1/alerts", s.analyst, "{\"alertIds\":[\"" + alertId(1)
          + "\",\"" + alertId(77) + "\"],\"status\":\"CLOSED\",\"assignee\":\"kim\"}");

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).at("/error/code").asText()).isEqualTo("unknown_alerts");
      assertThat(json(r).at("/error/details/0").asText()).isEqualTo(alertId(77));
      assertThat(s.queryText("SELECT status FROM alerts WHERE id = ?", alertId(1))).isEqualTo("OPEN");
      assertThat(s.queryText("SELECT assignee FROM alerts WHERE id = ?", alertId(1))).isNull();
      assertThat(s.queryText("SELECT count(*) FROM alert_audit")).isEqualTo("0");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void deliverQueuesAResendToEachDestination(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      String destination = createWebhook(s);
      HttpResponse<String> r = s.call("POST", "/api/v1/alerts/" + alertId(2) + "/deliver", s.analyst,
          "{\"destinationIds\":[\"" + destination + "\"]}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
      long deliveryId = json(r).at("/deliveryIds/0").asLong();
      var delivery = s.outbox.get(deliveryId).orElseThrow();
      assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
      assertThat(delivery.resend()).isTrue();
      assertThat(delivery.destinationId()).isEqualTo(destination);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void deliverToAnUnknownDestinationQueuesNothing(Database.Dialect dialect) {
    try (ApiTestServer s = seeded(dialect)) {
      String destination = createWebhook(s);
      HttpResponse<String> r = s.call("POST", "/api/v1/alerts/" + alertId(2) + "/deliver", s.analyst,
          "{\"destinationIds\":[\"" + destination + "\",\"nope\"]}");

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(json(r).at("/error/details").toString()).isEqualTo("[\"nope\"]");
      assertThat(s.outbox.forAlert(alertId(2))).isEmpty();
    }
  }

  private static String createWebhook(ApiTestServer s) {
    HttpResponse<String> r = s.call("POST", "/api/v1/destinations", s.admin, "{\"name\":\"hook\","
        + "\"type\":\"customwebhook\",\"settings\":{\"webhookURL\":\"https://example.com/h\"}}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("id").asText();
  }
}
