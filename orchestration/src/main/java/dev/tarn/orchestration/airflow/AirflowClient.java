package dev.tarn.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A client for the DAG-run endpoints of Airflow's stable REST API ({@code /api/v1}): trigger a run, list runs, get
 * one, wait for one to finish. Errors become {@link AirflowException}s that name the DAG or run and say how to fix
 * the cause; credentials never appear in them.
 */
public final class AirflowClient {
  /** Waits between polls; tests pass one that moves a fake clock instead of sleeping. */
  public interface Pause {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final AirflowSettings settings;
  private final HttpClient http;
  private final Clock clock;
  private final Pause pause;

  public AirflowClient(AirflowSettings settings) {
    this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  public AirflowClient(AirflowSettings settings, HttpClient http, Clock clock, Pause pause) {
    this.settings = requireNonNull(settings, "settings is null");
    this.http = requireNonNull(http, "http is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.pause = requireNonNull(pause, "pause is null");
  }

  /** Triggers a run of {@code dagId} with {@code conf}; {@code dagRunId} may be null to let Airflow name it. */
  public DagRun trigger(String dagId, Map<String, ?> conf, String dagRunId) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (dagRunId != null) {
      body.put("dag_run_id", dagRunId);
    }
    body.put("conf", conf);
    JsonNode run = send("POST", "/dags/" + segment(dagId) + "/dagRuns", body, "trigger DAG " + dagId,
        problem -> "DAG " + dagId + " not found on Airflow at " + settings.url() + " (" + problem
            + "): check the DAG id (tarn airflow runs lists runs of every DAG) and that orchestration/dags is in "
            + "Airflow's DAG folder",
        problem -> "DAG " + dagId + " already has a run with dag_run_id " + dagRunId + " (" + problem
            + "): choose another --run-id, or omit it to let Airflow name the run");
    return dagRun(run);
  }

  /** The latest {@code limit} runs of {@code dagId} ({@code ~} for every DAG), newest first. */
  public List<DagRun> runs(String dagId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("Invalid limit: " + limit + " (must be > 0)");
    }
    JsonNode page = send("GET", "/dags/" + segment(dagId) + "/dagRuns?order_by=-execution_date&limit=" + limit,
        null, "list runs of DAG " + dagId,
        problem -> "DAG " + dagId + " not found on Airflow at " + settings.url() + " (" + problem + ")", null);
    List<DagRun> runs = new ArrayList<>();
    for (JsonNode run : page.path("dag_runs")) {
      runs.add(dagRun(run));
    }
    return List.copyOf(runs);
  }

  public DagRun run(String dagId, String dagRunId) {
    return dagRun(send("GET", "/dags/" + segment(dagId) + "/dagRuns/" + segment(dagRunId), null,
        "read run " + dagRunId + " of DAG " + dagId,
        problem -> "DAG run " + dagRunId + " of DAG " + dagId + " not found on Airflow at " + settings.url() + " ("
            + problem + "): check both ids (tarn airflow runs " + dagId + " lists its runs)", null));
  }

  /**
   * Polls the run every {@code interval} until it succeeds or fails, telling {@code onChange} each state it sees
   * change; throws when it is still unfinished after {@code timeout}.
   */
  public DagRun waitFor(String dagId, String dagRunId, Duration timeout, Duration interval,
      Consumer<DagRun> onChange) {
    Instant deadline = clock.instant().plus(timeout);
    String lastState = null;
    while (true) {
      DagRun run = run(dagId, dagRunId);
      if (!run.state().equals(lastState)) {
        onChange.accept(run);
        lastState = run.state();
      }
      if (run.finished()) {
        return run;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new AirflowException("DAG run " + dagRunId + " of DAG " + dagId + " is still " + run.state()
            + " after " + timeout.toSeconds() + " s: wait again with a longer --timeout, or look at it in Airflow");
      }
      try {
        pause.sleep(interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AirflowException("Interrupted while waiting for DAG run " + dagRunId + " of DAG " + dagId, e);
      }
    }
  }

  private interface ProblemMessage {
    String message(String problem);
  }

  private JsonNode send(String method, String pathAndQuery, Object body, String action, ProblemMessage notFound,
      ProblemMessage conflict) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    String authorization = settings.authorization();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new AirflowException("Cannot connect to Airflow at " + settings.url() + " (connection refused): check "
          + "airflow.url (env TARN_AIRFLOW_URL) and that Airflow's webserver is running", e);
    } catch (IOException e) {
      throw new AirflowException("Cannot reach Airflow at " + settings.url() + " to " + action + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowException("Interrupted while asking Airflow to " + action, e);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return parse(response.body(), action);
    }
    String problem = problem(status, response.body());
    throw new AirflowException(switch (status) {
      case 401 -> "Airflow at " + settings.url() + " rejected " + settings.credentialsDescription() + " (" + problem
          + "): set airflow.user and airflow.password (env TARN_AIRFLOW_PASSWORD) or airflow.token (env "
          + "TARN_AIRFLOW_TOKEN), and check that Airflow's [api] auth_backends accepts them";
      case 403 -> "Airflow at " + settings.url() + " does not allow " + settings.credentialsDescription() + " to "
          + action + " (" + problem + "): give the user a role with that permission on the DAG";
      case 404 -> notFound.message(problem);
      case 409 -> conflict != null ? conflict.message(problem)
          : "Airflow at " + settings.url() + " refused to " + action + " (" + problem + ")";
      default -> "Airflow at " + settings.url() + " failed to " + action + " (" + problem + ")";
    }, status);
  }

  /** Airflow's error body ({"detail", "status", "title", "type"}) as one phrase, e.g. "404 Not Found: DAG ...". */
  private static String problem(int status, String body) {
    try {
      JsonNode node = JSON.readTree(body);
      String title = node.path("title").asText("");
      String detail = node.path("detail").asText("");
      return status + (title.isEmpty() ? "" : " " + title) + (detail.isEmpty() ? "" : ": " + detail);
    } catch (IOException | RuntimeException e) {
      return "HTTP " + status;
    }
  }

  private String base() {
    String url = settings.url().toString();
    return url.endsWith("/api/v1") ? url : url + "/api/v1";
  }

  private static String segment(String value) {
    requireNonNull(value, "path segment is null");
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot send " + body + " as JSON", e);
    }
  }

  private JsonNode parse(String body, String action) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AirflowException("Airflow at " + settings.url() + " answered the request to " + action
          + " with something that is not JSON: is airflow.url the webserver's address?", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static DagRun dagRun(JsonNode run) {
    String logical = text(run, "logical_date");
    return new DagRun(text(run, "dag_run_id"), text(run, "dag_id"), text(run, "state"),
        logical != null ? logical : text(run, "execution_date"), text(run, "start_date"), text(run, "end_date"),
        run.hasNonNull("conf") ? JSON.convertValue(run.get("conf"), Map.class) : Map.of());
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : null;
  }
}
