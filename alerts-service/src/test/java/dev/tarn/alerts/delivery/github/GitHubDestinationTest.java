package dev.tarn.alerts.delivery.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitHubDestinationTest {
  @Test
  void opensAnIssueWithTokenAuthAndAMarkdownBody() {
    try (RecordingServer github = RecordingServer.answering(201, "{\"number\": 7}")) {
      GitHubDestination destination = new GitHubDestination(TestAlerts.config(DestinationType.GITHUB,
          Map.of("repoName", "acme/security-alerts", "apiUrl", github.url("/api/v3/")),
          Map.of("token", "ghp_token")), TestAlerts.context());

      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(201));
      RecordingServer.Request request = github.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/api/v3/repos/acme/security-alerts/issues");
      assertThat(request.header("Authorization")).isEqualTo("Bearer ghp_token");
      assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
      assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
      assertThat(request.header("User-Agent")).isEqualTo("tarn-alerts");
      ObjectNode expected = PayloadJson.object()
          .put("title", "New Alert: Root login from 1.2.3.4")
          .put("body", Notifications.markup(TestAlerts.rule(), Notifications.Markup.MARKDOWN));
      assertThat(request.json()).isEqualTo(expected);
    }
  }
}
