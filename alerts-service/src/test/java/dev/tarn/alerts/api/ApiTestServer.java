package dev.tarn.alerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.auth.Role;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.AlertQueries;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TestDatabases;
import dev.tarn.alerts.store.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A started API over a fresh database, with one token per role and HTTP helpers: what every API test needs. The
 * seams use the small real test implementations ({@link SuffixSecretRules}, {@link MapAlertEvents},
 * {@link RecordingTester}).
 */
final class ApiTestServer implements AutoCloseable {
  static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  final Database db;
  final Outbox outbox;
  final DestinationStore destinations;
  final TokenStore tokens;
  final MapAlertEvents events = new MapAlertEvents();
  final RecordingTester tester = new RecordingTester();
  /** What the health supplier answers; null makes it throw. */
  final AtomicReference<Map<String, Object>> health = new AtomicReference<>(Map.of("database", "ok"));
  final ApiServer server;
  final String admin;
  final String analyst;
  final String readOnly;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiTestServer(Database.Dialect dialect, Path temp) {
    db = TestDatabases.open(dialect, temp);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    outbox = new Outbox(db, clock);
    destinations = new DestinationStore(db, new SecretBox(new byte[32]), clock);
    tokens = new TokenStore(db, clock);
    admin = tokens.create("root", Role.ADMIN).text();
    analyst = tokens.create("ana", Role.ANALYST).text();
    readOnly = tokens.create("reader", Role.READ_ONLY).text();
    server = ApiServer.builder()
        .alertQueries(new AlertQueries(db))
        .outbox(outbox)
        .destinationStore(destinations)
        .tokenStore(tokens)
        .metrics(new AlertsMetrics())
        .alertEvents(events)
        .destinationRules(new SuffixSecretRules())
        .destinationTester(tester)
        .clock(clock)
        .health(() -> {
          Map<String, Object> details = health.get();
          if (details == null) {
            throw new IllegalStateException("cannot reach jdbc:postgresql://db-internal.example:5432/alerts");
          }
          return details;
        })
        .build()
        .start("127.0.0.1", 0);
  }

  /** Sends {@code method path} with {@code token} (null = no Authorization header) and a JSON body (null = none). */
  HttpResponse<String> call(String method, String path, String token, String body) {
    return callWithAuthorization(method, path, token == null ? null : "Bearer " + token, body);
  }

  /** Like {@link #call}, with the whole Authorization header value (null = none). */
  HttpResponse<String> callWithAuthorization(String method, String path, String authorization, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path, String token) {
    return call("GET", path, token, null);
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.body(), e);
    }
  }

  /** A 32-character alert id made from {@code n}. */
  static String alertId(int n) {
    return String.format("%032x", n);
  }

  /** Inserts an alert row the way the findings consumer would, with the fields the API filters on. */
  void insertAlert(String id, Instant createdAt, String status, String severity, String ruleId, String type) {
    db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (id, dedup_key, rule_id, rule_version, type, "
          + "dedup, window_mode, window_start, window_end, title, severity, context, tags, output_ids, log_types, "
          + "event_count, threshold, created_at, updated_at, threshold_reached_at, status) "
          + "VALUES (?, ?, ?, 'v1', ?, 'user@example.com', 'PROCESSING', ?, ?, ?, ?, '{\"ip\":\"10.0.0.1\"}', "
          + "'[\"tag\"]', '[]', '[\"AWS.CloudTrail\"]', 3, 1, ?, ?, ?, ?)")) {
        ps.setString(1, id);
        ps.setString(2, id);
        ps.setString(3, ruleId);
        ps.setString(4, type);
        ps.setTimestamp(5, Timestamp.from(createdAt));
        ps.setTimestamp(6, Timestamp.from(createdAt.plusSeconds(3600)));
        ps.setString(7, "Alert " + id);
        ps.setString(8, severity);
        ps.setTimestamp(9, Timestamp.from(createdAt));
        ps.setTimestamp(10, Timestamp.from(createdAt));
        ps.setTimestamp(11, Timestamp.from(createdAt));
        ps.setString(12, status);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Inserts an outbox row in {@code status}; returns its id. */
  long insertDelivery(String alertId, String destinationId, DeliveryStatus status) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (alert_id, destination_id, status, "
          + "attempts, next_attempt_at, last_status_code, last_error, resend, created_at, updated_at) "
          + "VALUES (?, ?, ?, 10, ?, 500, 'HTTP 500', FALSE, ?, ?)")) {
        ps.setString(1, alertId);
        ps.setString(2, destinationId);
        ps.setString(3, status.name());
        ps.setTimestamp(4, Timestamp.from(NOW));
        ps.setTimestamp(5, Timestamp.from(NOW));
        ps.setTimestamp(6, Timestamp.from(NOW));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id FROM deliveries WHERE alert_id = ? AND destination_id = ?")) {
        ps.setString(1, alertId);
        ps.setString(2, destinationId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /** The first column of the first row of {@code sql}, as text. */
  String queryText(String sql, Object... args) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          ps.setObject(i + 1, args[i]);
        }
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
  }

  @Override
  public void close() {
    server.stop();
    db.close();
  }
}
