package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.store.AlertQueries;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TokenStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service's REST API (Javalin): alerts, destinations, deliveries, tokens, health, metrics and the OpenAPI
 * document. Every route in {@link #routes()} but {@code /health} needs a bearer token of a sufficient role. Build one
 * with {@link #builder()}, then {@link #start}; port 0 picks a free port (see {@link #port()}).
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final long MAX_REQUEST_BYTES = 1_000_000;

  private final List<ApiRoute> routes;
  private final Javalin app;

  private ApiServer(Builder b) {
    ObjectMapper mapper = ApiJson.mapper();
    BearerAuth auth = new BearerAuth(b.tokens);
    this.routes = ApiRoutes.table(
        new OperationsApi(b.metrics, b.health, mapper),
        new AlertsApi(b.alerts, b.events, b.outbox, b.destinations, b.clock, mapper),
        new DestinationsApi(b.destinations, b.rules, b.tester, mapper),
        new DeliveriesApi(b.outbox, mapper),
        new TokensApi(b.tokens, mapper));
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.http.maxRequestSize = MAX_REQUEST_BYTES;
      config.router.ignoreTrailingSlashes = true;
    });
    for (ApiRoute route : routes) {
      app.addHttpHandler(route.method(), route.path(), ctx -> {
        auth.check(ctx, route.access());
        route.handler().handle(ctx);
      });
    }
    app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage(), e.details()));
    app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
        e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(),
        e.getStatus() == 404 ? "No such endpoint: " + ctx.method() + " " + ctx.path()
            + " (GET /openapi.yaml lists the endpoints)" : e.getMessage(), List.of()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "internal_error", "The alerts service failed to handle " + ctx.method() + " " + ctx.path()
          + "; the service log has the cause", List.of());
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The routes this server serves, with the access each needs. */
  public List<ApiRoute> routes() {
    return routes;
  }

  /** Starts listening on {@code host}:{@code port} (0 = a free port). */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    LOG.info("Alerts API listening on {}:{}", host, app.port());
    return this;
  }

  /** The port the server listens on (the chosen one when started with port 0). */
  public int port() {
    return app.port();
  }

  public void stop() {
    app.stop();
  }

  private static void error(Context ctx, int status, String code, String message, List<String> details) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", code);
    error.put("message", message);
    if (!details.isEmpty()) {
      error.put("details", details);
    }
    ctx.status(status).json(Map.of("error", error));
  }

  /** What the API needs; every part is required. */
  public static final class Builder {
    private AlertQueries alerts;
    private Outbox outbox;
    private DestinationStore destinations;
    private TokenStore tokens;
    private AlertsMetrics metrics;
    private AlertEvents events;
    private DestinationRules rules;
    private DestinationTester tester;
    private Clock clock;
    private Supplier<Map<String, Object>> health;

    private Builder() {}

    public Builder alertQueries(AlertQueries alerts) {
      this.alerts = alerts;
      return this;
    }

    public Builder outbox(Outbox outbox) {
      this.outbox = outbox;
      return this;
    }

    public Builder destinationStore(DestinationStore destinations) {
      this.destinations = destinations;
      return this;
    }

    public Builder tokenStore(TokenStore tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder metrics(AlertsMetrics metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder alertEvents(AlertEvents events) {
      this.events = events;
      return this;
    }

    public Builder destinationRules(DestinationRules rules) {
      this.rules = rules;
      return this;
    }

    public Builder destinationTester(DestinationTester tester) {
      this.tester = tester;
      return this;
    }

    /** The clock audit entries are stamped with. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Details for {@code GET /health} (database reachable, last poll, lag…), called on each request; a
     * {@code "status": "degraded"} entry makes the answer degraded (HTTP 503).
     */
    public Builder health(Supplier<Map<String, Object>> health) {
      this.health = health;
      return this;
    }

    public ApiServer build() {
      requireNonNull(alerts, "alertQueries is null (call alertQueries(...))");
      requireNonNull(outbox, "outbox is null (call outbox(...))");
      requireNonNull(destinations, "destinationStore is null (call destinationStore(...))");
      requireNonNull(tokens, "tokenStore is null (call tokenStore(...))");
      requireNonNull(metrics, "metrics is null (call metrics(...))");
      requireNonNull(events, "alertEvents is null (call alertEvents(...))");
      requireNonNull(rules, "destinationRules is null (call destinationRules(...))");
      requireNonNull(tester, "destinationTester is null (call destinationTester(...))");
      requireNonNull(clock, "clock is null (call clock(...))");
      requireNonNull(health, "health is null (call health(...))");
      return new ApiServer(this);
    }
  }
}
