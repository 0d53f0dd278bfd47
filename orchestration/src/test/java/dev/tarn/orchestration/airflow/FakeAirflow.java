package dev.tarn.orchestration.airflow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Airflow's DAG-run endpoints on loopback, answering each "METHOD path" with the responses queued for it (the last
 * one repeats) and recording every request. Unqueued requests get Airflow's 404 problem body.
 */
final class FakeAirflow implements AutoCloseable {
  record Request(String method, String path, String query, String authorization, String contentType, String body) {}

  record Response(int status, String body) {}

  private final HttpServer server;
  private final Map<String, Deque<Response>> responses = new HashMap<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

  FakeAirflow() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      URI uri = exchange.getRequestURI();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), uri.getPath(), uri.getQuery(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Content-Type"), body));
      Response response = next(exchange.getRequestMethod() + " " + uri.getPath());
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          response.status() < 300 ? "application/json" : "application/problem+json");
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  FakeAirflow on(String methodAndPath, int status, String body) {
    synchronized (responses) {
      responses.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Response(status, body));
    }
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  static String dagRun(String dagId, String runId, String state, String conf) {
    return """
        {"conf": %s, "dag_id": "%s", "dag_run_id": "%s", "data_interval_end": "2024-06-03T10:00:00+00:00",
         "data_interval_start": "2024-06-03T10:00:00+00:00", "end_date": %s, "execution_date": "2024-06-03T10:00:00+00:00",
         "external_trigger": true, "last_scheduling_decision": null, "logical_date": "2024-06-03T10:00:00+00:00",
         "note": null, "run_type": "manual", "start_date": %s, "state": "%s"}
        """.formatted(conf, dagId, runId, state.equals("success") || state.equals("failed")
            ? "\"2024-06-03T10:05:00+00:00\"" : "null",
        state.equals("queued") ? "null" : "\"2024-06-03T10:00:01+00:00\"", state);
  }

  static String problem(int status, String title, String detail) {
    return """
        {"detail": "%s", "status": %d, "title": "%s", "type": "https://airflow.apache.org/docs/apache-airflow/2.9.3/stable-rest-api-ref.html#section/Errors/%s"}
        """.formatted(detail, status, title, title.replace(" ", ""));
  }

  private Response next(String key) {
    synchronized (responses) {
      Deque<Response> queue = responses.get(key);
      if (queue == null || queue.isEmpty()) {
        return new Response(404, problem(404, "Not Found", "no fake response for " + key));
      }
      return queue.size() > 1 ? queue.poll() : queue.peek();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
