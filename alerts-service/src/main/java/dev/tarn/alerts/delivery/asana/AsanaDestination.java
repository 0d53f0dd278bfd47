package dev.tarn.alerts.delivery.asana;

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
import java.util.List;
import java.util.Map;

/**
 * Creates an Asana task in the configured projects ({@code POST <apiUrl>/api/1.0/tasks}, bearer personal access
 * token; Asana answers 201): name = the title, notes = the detailed plain-text message.
 */
public final class AsanaDestination implements Destination {
  public static final String DEFAULT_API_URL = "https://app.asana.com";

  private final URI tasks;
  private final String authorization;
  private final List<String> projectGids;
  private final HttpDelivery http;

  public AsanaDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    ConfigValues values = ConfigValues.of(config);
    this.tasks = URI.create(values.baseUrl("apiUrl", DEFAULT_API_URL) + "/api/1.0/tasks");
    this.authorization = "Bearer " + values.get("personalAccessToken");
    this.projectGids = values.list("projectGids");
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    return http.postJson(tasks, Map.of("Authorization", authorization), payload(n, projectGids));
  }

  /** The create-task body. */
  public static ObjectNode payload(AlertNotification n, List<String> projectGids) {
    ObjectNode body = PayloadJson.object();
    ObjectNode data = body.putObject("data")
        .put("name", Notifications.title(n))
        .put("notes", Notifications.plainText(n));
    data.set("projects", PayloadJson.strings(projectGids));
    return body;
  }
}
