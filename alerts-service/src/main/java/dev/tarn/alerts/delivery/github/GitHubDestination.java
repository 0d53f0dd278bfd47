package dev.tarn.alerts.delivery.github;

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
import java.util.Map;

/**
 * Opens a GitHub issue ({@code POST <apiUrl>/repos/<owner>/<repo>/issues}; GitHub answers 201) with the title and
 * the detailed message in Markdown. {@code apiUrl} points at GitHub Enterprise Server when set.
 */
public final class GitHubDestination implements Destination {
  public static final String DEFAULT_API_URL = "https://api.github.com";
  /** GitHub's limit for issue titles. */
  static final int MAX_TITLE_CHARS = 256;

  private final URI issues;
  private final Map<String, String> headers;
  private final HttpDelivery http;

  public GitHubDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.issues = URI.create(values.baseUrl("apiUrl", DEFAULT_API_URL) + "/repos/" + values.get("repoName")
        + "/issues");
    this.headers = Map.of(
        "Authorization", "Bearer " + values.get("token"),
        "Accept", "application/vnd.github+json",
        "X-GitHub-Api-Version", "2022-11-28");
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(issues, headers, payload(n));
  }

  /** The create-issue body. */
  public static ObjectNode payload(AlertNotification n) {
    return PayloadJson.object()
        .put("title", Notifications.truncate(Notifications.title(n), MAX_TITLE_CHARS))
        .put("body", Notifications.markup(n, Notifications.Markup.MARKDOWN));
  }
}
