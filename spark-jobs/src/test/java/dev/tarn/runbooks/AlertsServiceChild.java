package dev.tarn.runbooks;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tarn alerts-service} in its own JVM, as the launcher starts it (the alerts service's build output and its
 * runtime classpath, not Spark's), with a known admin token; and a small client of its API for the fixture.
 */
final class AlertsServiceChild implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path output;
  private final String url;
  private final String token;

  private AlertsServiceChild(Process process, Path output, String url, String token) {
    this.process = process;
    this.output = output;
    this.url = url;
    this.token = token;
  }

  /** Starts {@code AlertsMain <args>} (for example {@code serve --config FILE}) and waits until /health answers. */
  static AlertsServiceChild start(Path repo, List<String> args, String url, String token, Path output)
      throws IOException, InterruptedException {
    Path target = repo.resolve("alerts-service/target");
    Path classpath = target.resolve("classpath.txt");
    if (!Files.isDirectory(target.resolve("classes")) || !Files.exists(classpath)) {
      throw new IllegalStateException("the alerts service is not built under " + target + " (its package phase "
          + "writes classpath.txt; run the build from the repository root)");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", target.resolve("classes") + java.io.File.pathSeparator + Files.readString(classpath).trim(),
        "dev.tarn.alerts.service.AlertsMain"));
    command.addAll(args);
    Files.createDirectories(output.getParent());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
    builder.environment().keySet().removeIf(key -> key.startsWith("TARN_"));
    builder.environment().put("TARN_ALERTS_ADMIN_TOKEN", token);
    AlertsServiceChild child = new AlertsServiceChild(builder.start(), output, url, token);
    child.awaitHealthy(Duration.ofSeconds(60));
    return child;
  }

  private void awaitHealthy(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the alerts service exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the alerts service did not answer /health within " + timeout + ":\n" + tail());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String tail() {
    try {
      String text = Files.readString(output);
      return text.substring(Math.max(0, text.length() - 4000));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Calls the API with the admin token; a non-2xx answer fails the test. */
  JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(requireNonNull(response.body()));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
    }
  }
}
