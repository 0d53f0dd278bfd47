package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tarn airflow turns a job's params into a DAG run conf and reports Airflow's answers; Spark is not involved. */
class AirflowCommandTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private volatile String runState = "success";

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/dags/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
      byte[] out = ("{\"dag_id\": \"tarn_backfill\", \"dag_run_id\": \"bf-7\", \"state\": \""
          + (exchange.getRequestMethod().equals("POST") ? "queued" : runState) + "\", \"conf\": {}}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "airflow.url=http://127.0.0.1:" + server.getAddress().getPort();
  }

  private record Run(int exitCode, String out, String err) {}

  private static Run tarn(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = TarnCli.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void triggerBackfillSendsItsParamsAsTheRunConf() throws Exception {
    Run run = tarn("airflow", "trigger", "backfill", "--set", url(), "--source", "prod", "--prefix", "AWSLogs/",
        "--from=2024-06-01", "--to", "2024-06-02");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("triggered tarn_backfill run bf-7 (queued)",
        "tarn airflow wait 'bf-7' --dag tarn_backfill");
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0)).startsWith("POST /api/v1/dags/tarn_backfill/dagRuns ");
    assertThat(new ObjectMapper().readTree(requests.get(0).substring(requests.get(0).indexOf('{'))))
        .isEqualTo(new ObjectMapper().readTree("{\"conf\": {\"source\": \"prod\", \"prefix\": \"AWSLogs/\", "
            + "\"from\": \"2024-06-01\", \"to\": \"2024-06-02\"}}"));
  }

  @Test
  void triggerNamesTheParamsABackfillStillNeeds() {
    Run run = tarn("airflow", "trigger", "backfill", "--set", url(), "--source", "prod");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("error: Job backfill needs --prefix, --from, --to");
    assertThat(requests).isEmpty();
  }

  @Test
  void waitExitsWithOneWhenTheRunFailed() {
    runState = "failed";
    Run run = tarn("airflow", "wait", "bf-7", "--dag", "backfill", "--set", url(), "--interval", "1s");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("tarn_backfill run bf-7: failed");
    assertThat(requests).containsExactly("GET /api/v1/dags/tarn_backfill/dagRuns/bf-7 ");
  }
}
