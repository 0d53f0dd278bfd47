package dev.tarn.health;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.health.AlertsServiceSignal.State;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks the alerts service how it is: {@code GET /health} (no token needed) and, with a token, the dead-lettered
 * deliveries ({@code GET /api/v1/deliveries?status=DEAD}, a page at a time). The token goes only into the
 * Authorization header; nothing here prints it.
 */
final class AlertsServiceProbe {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  // The API's largest page.
  private static final int PAGE = 100;
  /** Stops counting there: past this many the number matters less than the alarm. */
  private static final int MAX_PAGES = 100;

  private final String baseUrl;
  private final String token;
  private final HttpClient client;
  private final ObjectMapper mapper = new ObjectMapper();

  AlertsServiceProbe(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  AlertsServiceSignal probe() {
    if (baseUrl == null) {
      return AlertsServiceSignal.notConfigured();
    }
    State state;
    String detail;
    try {
      HttpResponse<String> health = get("/health", false);
      String status = statusField(health.body());
      if (health.statusCode() == 200) {
        state = State.UP;
        detail = baseUrl;
      } else {
        state = State.DEGRADED;
        detail = baseUrl + " answered HTTP " + health.statusCode() + (status == null ? "" : " (" + status + ")");
      }
    } catch (IOException e) {
      return new AlertsServiceSignal(State.DOWN, "no answer from " + baseUrl + "/health: " + e, null);
    } catch (IllegalArgumentException e) {
      return new AlertsServiceSignal(State.DOWN, "health.alerts.url '" + baseUrl + "' is not a valid http(s) URL: "
          + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AlertsServiceSignal(State.DOWN, "interrupted while asking " + baseUrl, null);
    }
    if (token == null) {
      return new AlertsServiceSignal(state, detail + "; dead letters unknown (set TARN_HEALTH_ALERTS_TOKEN to a "
          + "read-only API token)", null);
    }
    try {
      return new AlertsServiceSignal(state, detail, deadLetters());
    } catch (IOException | IllegalStateException e) {
      return new AlertsServiceSignal(state, detail + "; dead letters unknown: " + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AlertsServiceSignal(state, detail + "; dead letters unknown (interrupted)", null);
    }
  }

  private long deadLetters() throws IOException, InterruptedException {
    long count = 0;
    String cursor = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      String path = "/api/v1/deliveries?status=DEAD&limit=" + PAGE
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<String> response = get(path, true);
      if (response.statusCode() == 401 || response.statusCode() == 403) {
        throw new IllegalStateException("the alerts service refused the token (HTTP " + response.statusCode()
            + "; TARN_HEALTH_ALERTS_TOKEN needs a valid token with the read-only role or higher)");
      }
      if (response.statusCode() != 200) {
        throw new IllegalStateException("GET /api/v1/deliveries answered HTTP " + response.statusCode());
      }
      JsonNode body = mapper.readTree(response.body());
      count += body.path("deliveries").size();
      JsonNode next = body.path("nextCursor");
      if (next.isMissingNode() || next.isNull()) {
        return count;
      }
      cursor = next.asText();
    }
    return count;
  }

  private HttpResponse<String> get(String path, boolean authorized) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT).GET()
        .header("Accept", "application/json");
    if (authorized) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String statusField(String body) {
    try {
      JsonNode status = mapper.readTree(body).path("status");
      return status.isTextual() ? status.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }
}
