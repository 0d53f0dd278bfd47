package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.metrics.AlertsMetrics;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Health, Prometheus metrics and the OpenAPI document. */
final class OperationsApi {
  /** Classpath location of the API's OpenAPI 3 document. */
  static final String OPENAPI_RESOURCE = "/openapi.yaml";
  private static final Logger LOG = LoggerFactory.getLogger(OperationsApi.class);

  private final AlertsMetrics metrics;
  private final Supplier<Map<String, Object>> health;
  private final String openApiYaml;
  private final String openApiJson;

  OperationsApi(AlertsMetrics metrics, Supplier<Map<String, Object>> health, ObjectMapper mapper) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.health = requireNonNull(health, "health is null");
    this.openApiYaml = openApiYaml();
    try {
      Object document = new Load(LoadSettings.builder().build()).loadFromString(openApiYaml);
      this.openApiJson = mapper.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot convert " + OPENAPI_RESOURCE + " to JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * {@code {"status": "ok"|"degraded", ...details}}: the details come from the service's health supplier; a
   * {@code status} of "degraded" there (or a supplier that fails) makes the answer degraded, with HTTP 503 so load
   * balancers and probes notice.
   */
  void health(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ok");
    try {
      Map<String, Object> details = health.get();
      details.forEach((k, v) -> {
        if (!"status".equals(k)) {
          body.put(k, v);
        }
      });
      if ("degraded".equalsIgnoreCase(String.valueOf(details.get("status")))) {
        body.put("status", "degraded");
      }
    } catch (RuntimeException e) {
      LOG.warn("Health check failed", e);
      body.put("status", "degraded");
      // No exception text here: this endpoint needs no token, and messages can name hosts and URLs.
      body.put("error", "the health check failed; see the service log");
    }
    ctx.status("ok".equals(body.get("status")) ? 200 : 503).json(body);
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  void openApiYaml(Context ctx) {
    ctx.contentType("application/yaml; charset=utf-8").result(openApiYaml);
  }

  void openApiJson(Context ctx) {
    ctx.contentType("application/json").result(openApiJson);
  }

  /** The OpenAPI document's text as shipped in the jar. */
  static String openApiYaml() {
    try (InputStream in = OperationsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath (a broken build?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + OPENAPI_RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
