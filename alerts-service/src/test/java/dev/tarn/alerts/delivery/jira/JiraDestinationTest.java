package dev.tarn.alerts.delivery.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraDestinationTest {
  @Test
  void createsAnIssueWithBasicAuthProjectTypeLabelsAndAssignee() throws Exception {
    try (RecordingServer jira = RecordingServer.answering(201, "{\"id\":\"10000\",\"key\":\"SEC-24\"}")) {
      JiraDestination destination = new JiraDestination(TestAlerts.config(DestinationType.JIRA,
          Map.of("orgDomain", jira.url("/"), "projectKey", "SEC", "userName", "bot@example.com",
              "issueType", "Bug", "labels", "tarn, security", "assigneeId", "5b10a2844c20165700ede21g"),
          Map.of("apiKey", "jira-token")), TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(201));
      RecordingServer.Request request = jira.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/rest/api/latest/issue/");
      assertThat(request.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
          .encodeToString("bot@example.com:jira-token".getBytes(StandardCharsets.UTF_8)));
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
      ObjectNode fields = (ObjectNode) PayloadJson.parse("""
          {"project": {"key": "SEC"},
           "summary": "New Alert: Root login from 1.2.3.4",
           "issuetype": {"name": "Bug"},
           "labels": ["tarn", "security"],
           "assignee": {"id": "5b10a2844c20165700ede21g"}}
          """);
      fields.put("description", Notifications.markup(TestAlerts.rule(), Notifications.Markup.JIRA));
      assertThat(request.json()).isEqualTo(PayloadJson.object().set("fields", fields));
    }
  }

  @Test
  void withoutAnAssigneeOrTypeTheIssueIsAnUnassignedTask() {
    JiraDestination.Settings settings = new JiraDestination.Settings("SEC", JiraDestination.DEFAULT_ISSUE_TYPE,
        null, null);
    JsonNode fields = JiraDestination.payload(TestAlerts.rule(), settings).get("fields");
    assertThat(fields.has("assignee")).isFalse();
    assertThat(fields.at("/issuetype/name").asText()).isEqualTo("Task");
    assertThat(fields.get("labels")).isEmpty();
  }
}
