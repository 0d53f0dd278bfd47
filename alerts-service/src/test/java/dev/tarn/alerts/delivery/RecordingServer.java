package dev.tarn.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on 127.0.0.1 that records every request and answers with queued responses (then the default).
 */
public final class RecordingServer implements AutoCloseable {
  /** A received request. */
  public record Request(String method, String path, String query, Headers headers, byte[] body) {
    public String header(String name) {
      return headers.getFirst(name);
    }

    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return PayloadJson.parse(bodyText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A response to give. */
  public record Response(int status, String body, Map<String, String> headers) {
    public static Response of(int status, String body) {
      return new Response(status, body, Map.of());
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Response> queued = new ConcurrentLinkedQueue<>();
  private volatile Response fallback;

  public RecordingServer(int status, String body) {
    this.fallback = Response.of(status, body);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public static RecordingServer answering(int status, String body) {
    return new RecordingServer(status, body);
  }

  /** Answers the next request with this response, then the default again. */
  public RecordingServer thenAnswer(int status, String body) {
    queued.add(Response.of(status, body));
    return this;
  }

  public RecordingServer answerWith(Response response) {
    queued.add(response);
    return this;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  public Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests.size());
    }
    return requests.get(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Headers copy = new Headers();
    copy.putAll(exchange.getRequestHeaders());
    requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), copy, body));
    Response response = queued.poll();
    if (response == null) {
      response = fallback;
    }
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
    try (OutputStream os = exchange.getResponseBody()) {
      os.write(out);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
