package dev.tarn.alerts.delivery.jira;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.HttpDelivery;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Opens a Jira issue ({@code POST <orgDomain>/rest/api/latest/issue/}, basic auth with the user name and API token).
 * The description is the detailed message in Jira wiki markup, which the REST API v2 renders.
 */
public final class JiraDestination implements Destination {
  public static final String DEFAULT_ISSUE_TYPE = "Task";
  /** Jira rejects longer summaries. */
  static final int MAX_SUMMARY_CHARS = 255;

  private final URI issues;
  private final String authorization;
  private final Settings settings;
  private final HttpDelivery http;

  /** What goes into every issue besides the alert. */
  public record Settings(String projectKey, String issueType, List<String> labels, String assigneeId) {
    public Settings {
      requireNonNull(projectKey, "projectKey is null");
      requireNonNull(issueType, "issueType is null");
      labels = labels == null ? List.of() : List.copyOf(labels);
    }
  }

  public JiraDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.issues = URI.create(values.baseUrl("orgDomain", null) + "/rest/api/latest/issue/");
    String credentials = values.get("userName") + ":" + values.get("apiKey");
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    this.settings = new Settings(values.get("projectKey"), values.get("issueType", DEFAULT_ISSUE_TYPE),
        values.list("labels"), values.get("assigneeId"));
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(issues, Map.of("Authorization", authorization), payload(n, settings));
  }

  /** The create-issue body. */
  public static ObjectNode payload(AlertNotification n, Settings settings) {
    ObjectNode body = PayloadJson.object();
    ObjectNode fields = body.putObject("fields");
    fields.putObject("project").put("key", settings.projectKey());
    fields.put("summary", Notifications.truncate(Notifications.title(n), MAX_SUMMARY_CHARS));
    fields.put("description", Notifications.markup(n, Notifications.Markup.JIRA));
    fields.putObject("issuetype").put("name", settings.issueType());
    fields.set("labels", PayloadJson.strings(settings.labels()));
    if (settings.assigneeId() != null) {
      fields.putObject("assignee").put("id", settings.assigneeId());
    }
    return body;
  }
}
