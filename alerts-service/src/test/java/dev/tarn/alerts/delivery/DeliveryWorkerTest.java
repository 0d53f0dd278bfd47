package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tarn.alerts.dedup.AlertWriter;
import dev.tarn.alerts.dedup.DedupSettings;
import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TestDatabases;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox and worker against a real webhook receiver on loopback that fails on demand. */
class DeliveryWorkerTest {
  @TempDir Path temp;
  private HttpServer server;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      requests.incrementAndGet();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
      if (status == 200) {
        received.add(body);
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  private record Fixture(Database db, Outbox outbox, DeliveryWorker worker, String alertId) {}

  private Fixture fixture(Database db, int maxAttempts) {
    Clock clock = Clock.system(ZoneOffset.UTC);
    DestinationStore destinations = new DestinationStore(db, new SecretBox(new byte[32]), clock);
    destinations.create(new DestinationConfig("hook", "hook", DestinationType.CUSTOMWEBHOOK, Map.of(),
        Map.of("webhookURL", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook"), List.of("HIGH"),
        List.of(), true));
    Instant t = Instant.parse("2026-11-01T10:00:00Z");
    Finding f = new Finding("panther_rule_matches.aws_cloudtrail", FindingKind.MATCH, "m1", "AWS.Root", "1", "Root login",
        t, t, LocalDate.of(2026, 11, 1), "AWS.CloudTrail", "Root logged in", "root", "HIGH", null, null, null, null,
        null, List.of(), Map.of(), List.of(), 60, 1, true, null);
    AlertWriter writer = new AlertWriter(DedupSettings.PANTHER, destinations);
    db.inTransaction(c -> writer.apply(c, List.of(f), t));
    Outbox outbox = new Outbox(db, clock);
    DeliveryContext context = DeliveryContext.defaults();
    DeliveryWorker worker = new DeliveryWorker(outbox, destinations, new AlertNotifications(db, "http://tarn/alerts/"),
        config -> Destinations.create(config, context), new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO),
        new AlertsMetrics(), clock, new Random(1), Duration.ofMinutes(5));
    String alertId = outbox.list(null, null, 10).get(0).alertId();
    return new Fixture(db, outbox, worker, alertId);
  }

  private static void drain(DeliveryWorker worker) {
    for (int i = 0; i < 20 && worker.runOnce(100) > 0; i++) {
      // each pass sends what is due; failed attempts are due again at once (zero delays)
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void aDestinationThatFailsThenRecoversGetsTheAlertExactlyOnce(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      Fixture fx = fixture(db, 10);
      failuresLeft.set(2);
      drain(fx.worker());

      assertThat(received).hasSize(1);
      assertThat(received.get(0)).contains(fx.alertId()).contains("Root logged in");
      assertThat(requests).hasValue(3);
      Delivery d = fx.outbox().forAlert(fx.alertId()).get(0);
      assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(fx.outbox().attempts(d.id())).extracting(DeliveryAttempt::success, DeliveryAttempt::statusCode)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 500), org.assertj.core.groups.Tuple.tuple(false, 500),
              org.assertj.core.groups.Tuple.tuple(true, 200));
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void aDestinationDownPastTheLastAttemptIsDeadLetteredAndRequeueDelivers(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      Fixture fx = fixture(db, 3);
      failuresLeft.set(1_000);
      drain(fx.worker());
      Delivery dead = fx.outbox().forAlert(fx.alertId()).get(0);
      assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
      assertThat(dead.attempts()).isEqualTo(3);
      assertThat(dead.lastStatusCode()).isEqualTo(500);
      assertThat(received).isEmpty();
      assertThat(fx.outbox().list(DeliveryStatus.DEAD, null, 10)).hasSize(1);

      failuresLeft.set(0);
      assertThat(fx.outbox().requeueAllDead(null)).isEqualTo(1);
      drain(fx.worker());
      assertThat(received).hasSize(1);
      assertThat(fx.outbox().get(dead.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
      assertThat(fx.outbox().attempts(dead.id())).hasSize(4);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void aClaimLeftByADeadWorkerIsSentAgainAfterItsLease(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      Fixture fx = fixture(db, 10);
      // a worker claims the delivery and dies before sending: its lease (zero here) runs out
      assertThat(fx.outbox().claimDue(10, Duration.ZERO)).hasSize(1);
      assertThat(fx.outbox().forAlert(fx.alertId()).get(0).status()).isEqualTo(DeliveryStatus.SENDING);
      drain(fx.worker());
      assertThat(received).hasSize(1);
      assertThat(fx.outbox().forAlert(fx.alertId()).get(0).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }
  }
}
