package dev.tarn.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AirflowClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNS = "/api/v1/dags/tarn_backfill/dagRuns";

  private FakeAirflow airflow;
  private final FakeClock clock = new FakeClock();

  @BeforeEach
  void start() throws Exception {
    airflow = new FakeAirflow();
  }

  @AfterEach
  void stop() {
    airflow.close();
  }

  private AirflowClient client(String user, String password, String token) {
    return new AirflowClient(new AirflowSettings(airflow.url(), user, password, token), HttpClient.newHttpClient(),
        clock, clock::advance);
  }

  private AirflowClient client() {
    return client("admin", "s3cret", null);
  }

  @Test
  void triggerPostsTheConfAndRunIdWithBasicAuth() throws Exception {
    airflow.on("POST " + RUNS, 200, FakeAirflow.dagRun("tarn_backfill", "bf-1", "queued", "{\"source\": \"prod\"}"));
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("source", "prod");
    conf.put("from", "2024-06-01T00:00:00Z");

    DagRun run = client().trigger("tarn_backfill", conf, "bf-1");

    FakeAirflow.Request request = airflow.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo(RUNS);
    assertThat(request.authorization()).isEqualTo("Basic YWRtaW46czNjcmV0");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree(
        "{\"dag_run_id\": \"bf-1\", \"conf\": {\"source\": \"prod\", \"from\": \"2024-06-01T00:00:00Z\"}}"));
    assertThat(run).isEqualTo(new DagRun("bf-1", "tarn_backfill", "queued", "2024-06-03T10:00:00+00:00", null, null,
        Map.of("source", "prod")));
  }

  @Test
  void triggerWithoutRunIdLetsAirflowNameTheRunAndSendsABearerToken() throws Exception {
    airflow.on("POST " + RUNS, 200, FakeAirflow.dagRun("tarn_backfill", "manual__x", "queued", "{}"));

    client(null, null, "tok-123").trigger("tarn_backfill", Map.of(), null);

    FakeAirflow.Request request = airflow.requests().get(0);
    assertThat(request.authorization()).isEqualTo("Bearer tok-123");
    assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("{\"conf\": {}}"));
  }

  @Test
  void runsAsksForTheNewestFirstWithALimit() {
    airflow.on("GET " + RUNS, 200, "{\"dag_runs\": [" + FakeAirflow.dagRun("tarn_backfill", "b", "running", "{}")
        + "," + FakeAirflow.dagRun("tarn_backfill", "a", "success", "{}") + "], \"total_entries\": 2}");

    List<DagRun> runs = client().runs("tarn_backfill", 5);

    FakeAirflow.Request request = airflow.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo(RUNS);
    assertThat(request.query()).isEqualTo("order_by=-execution_date&limit=5");
    assertThat(request.authorization()).isEqualTo("Basic YWRtaW46czNjcmV0");
    assertThat(runs).extracting(DagRun::dagRunId, DagRun::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "running"),
            org.assertj.core.groups.Tuple.tuple("a", "success"));
  }

  @Test
  void waitPollsTheRunUntilItSucceeds() {
    String path = RUNS + "/manual__2024-06-03T10:00:00+00:00";
    airflow.on("GET " + path, 200, FakeAirflow.dagRun("tarn_backfill", "manual__2024-06-03T10:00:00+00:00", "queued", "{}"))
        .on("GET " + path, 200, FakeAirflow.dagRun("tarn_backfill", "manual__2024-06-03T10:00:00+00:00", "running", "{}"))
        .on("GET " + path, 200, FakeAirflow.dagRun("tarn_backfill", "manual__2024-06-03T10:00:00+00:00", "running", "{}"))
        .on("GET " + path, 200, FakeAirflow.dagRun("tarn_backfill", "manual__2024-06-03T10:00:00+00:00", "success", "{}"));
    List<String> states = new ArrayList<>();

    DagRun run = client().waitFor("tarn_backfill", "manual__2024-06-03T10:00:00+00:00", Duration.ofMinutes(10),
        Duration.ofSeconds(15), r -> states.add(r.state()));

    assertThat(run.succeeded()).isTrue();
    assertThat(states).containsExactly("queued", "running", "success");
    assertThat(airflow.requests()).hasSize(4).allSatisfy(r -> {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.path()).isEqualTo(path);
    });
  }

  @Test
  void waitReturnsAFailedRun() {
    airflow.on("GET " + RUNS + "/r1", 200, FakeAirflow.dagRun("tarn_backfill", "r1", "failed", "{}"));

    DagRun run = client().waitFor("tarn_backfill", "r1", Duration.ofMinutes(1), Duration.ofSeconds(5), r -> { });

    assertThat(run.finished()).isTrue();
    assertThat(run.succeeded()).isFalse();
  }

  @Test
  void waitGivesUpAfterTheTimeout() {
    airflow.on("GET " + RUNS + "/r1", 200, FakeAirflow.dagRun("tarn_backfill", "r1", "running", "{}"));

    assertThatThrownBy(() -> client().waitFor("tarn_backfill", "r1", Duration.ofSeconds(60), Duration.ofSeconds(20),
        r -> { })).isInstanceOf(AirflowException.class)
        .hasMessage("DAG run r1 of DAG tarn_backfill is still running after 60 s: wait again with a longer --timeout,"
            + " or look at it in Airflow");
    assertThat(airflow.requests()).hasSize(4);
  }

  @Test
  void explainsRejectedCredentialsWithoutShowingThePassword() {
    airflow.on("POST " + RUNS, 401, FakeAirflow.problem(401, "Unauthorized", "No credentials provided or invalid."));

    assertThatThrownBy(() -> client().trigger("tarn_backfill", Map.of(), null))
        .isInstanceOf(AirflowException.class)
        .hasMessageStartingWith("Airflow at " + airflow.url() + " rejected user admin (basic auth) (401 Unauthorized: "
            + "No credentials provided or invalid.): set airflow.user and airflow.password")
        .message().doesNotContain("s3cret");
  }

  @Test
  void namesTheDagThatIsNotFound() {
    airflow.on("POST /api/v1/dags/tarn_nope/dagRuns", 404,
        FakeAirflow.problem(404, "DAG not found", "DAG with dag_id: 'tarn_nope' not found"));

    assertThatThrownBy(() -> client().trigger("tarn_nope", Map.of(), null))
        .hasMessageStartingWith("DAG tarn_nope not found on Airflow at " + airflow.url()
            + " (404 DAG not found: DAG with dag_id: 'tarn_nope' not found)");
  }

  @Test
  void namesTheRunThatIsNotFound() {
    airflow.on("GET " + RUNS + "/r9", 404, FakeAirflow.problem(404, "DAGRun not found",
        "DAGRun with DAG ID: 'tarn_backfill' and DagRun ID: 'r9' not found"));

    assertThatThrownBy(() -> client().run("tarn_backfill", "r9"))
        .hasMessageStartingWith("DAG run r9 of DAG tarn_backfill not found on Airflow");
  }

  @Test
  void explainsARunIdThatAlreadyExists() {
    airflow.on("POST " + RUNS, 409, FakeAirflow.problem(409, "Conflict",
        "DAGRun with DAG ID: 'tarn_backfill' and DAGRun ID: 'bf-1' already exists"));

    assertThatThrownBy(() -> client().trigger("tarn_backfill", Map.of(), "bf-1"))
        .hasMessage("DAG tarn_backfill already has a run with dag_run_id bf-1 (409 Conflict: DAGRun with DAG ID: "
            + "'tarn_backfill' and DAGRun ID: 'bf-1' already exists): choose another --run-id, or omit it to let "
            + "Airflow name the run");
  }

  @Test
  void explainsARefusedConnection() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AirflowClient client = new AirflowClient(new AirflowSettings(URI.create("http://127.0.0.1:" + port), null, null,
        null), HttpClient.newHttpClient(), clock, clock::advance);

    assertThatThrownBy(() -> client.runs("~", 10))
        .hasMessage("Cannot connect to Airflow at http://127.0.0.1:" + port + " (connection refused): check "
            + "airflow.url (env TARN_AIRFLOW_URL) and that Airflow's webserver is running");
  }

  /** A clock that moves only when the client pauses. */
  static final class FakeClock extends Clock {
    private Instant now = Instant.parse("2024-06-03T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
