package dev.tarn.alerts.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tarn.alerts.dedup.FindingsConsumer;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DeliveryStatus;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.store.DestinationStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tarn alerts demo}: runs the service once over the lake's findings with a local webhook sink as the
 * destination for every severity, waits until the outbox is empty, and prints what the sink received.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Turn the lake's findings into alerts and deliver them to a local webhook sink, then print them.")
final class AlertsDemo implements Callable<Integer> {
  private static final String SINK = "demo-webhook-sink";

  @Mixin AlertsMain.ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    List<String> overrides = new ArrayList<>(options.overrides);
    overrides.add("alerts.port=0"); // any free port: the demo must not clash with a running service
    options.overrides = overrides;
    AlertsConfig config = options.load();
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    ObjectMapper json = new ObjectMapper();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext("/alerts", exchange -> {
      try (exchange) {
        received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(200, -1);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
      }
    });
    sink.start();
    try (AlertsService service = AlertsService.open(config, System.getenv())) {
      Optional<String> token = service.bootstrapAdminToken(System.getenv());
      pointSinkDestination(service.destinations(), "http://127.0.0.1:" + sink.getAddress().getPort() + "/alerts");
      service.start();
      System.out.println("== alerts service: http://" + config.host() + ":" + service.port()
          + " (database " + dev.tarn.alerts.store.Database.redact(config.databaseUrl()) + ")");
      token.ifPresent(t -> System.out.println("   first admin API token (shown once): " + t));
      FindingsConsumer.PollResult poll = service.pollOnce();
      System.out.printf(Locale.ROOT, "== findings → alerts: %d finding(s) from %d version(s) of %d table(s); %d "
          + "alert(s) reached their rule's threshold (of %d dedup windows opened); %d delivery(ies) queued%n",
          poll.applied(), poll.versions(), poll.tables(), poll.alertsCreated(), poll.windowsOpened(),
          poll.deliveries());
      long deadline = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < deadline) {
        service.deliverDue();
        Map<DeliveryStatus, Long> counts = service.outbox().countsByStatus();
        if (counts.get(DeliveryStatus.PENDING) + counts.get(DeliveryStatus.SENDING) == 0) {
          break;
        }
        Thread.sleep(200);
      }
      System.out.printf(Locale.ROOT, "== delivered to the webhook sink (%d):%n", received.size());
      for (JsonNode n : received) {
        System.out.printf(Locale.ROOT, "  %-8s %-44s %-60s events=%s%n", n.path("severity").asText(),
            n.path("id").asText(), n.path("title").asText(), n.path("eventCount").asText());
      }
      Map<DeliveryStatus, Long> counts = service.outbox().countsByStatus();
      System.out.printf(Locale.ROOT, "== deliveries: %s%n", counts);
      System.out.println("   See them with the API: curl -H 'Authorization: Bearer <token>' http://"
          + config.host() + ":<port>/api/v1/alerts   (run `./tarn alerts-service` to keep it up)");
      return counts.get(DeliveryStatus.DEAD) == 0 ? 0 : 1;
    } finally {
      sink.stop(0);
    }
  }

  /** The sink's port changes every run: create the destination once, then keep its URL current. */
  private static void pointSinkDestination(DestinationStore destinations, String url) {
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    Optional<DestinationStore.Stored> existing = destinations.byName(SINK);
    DestinationConfig config = new DestinationConfig(existing.map(s -> s.config().id()).orElse(SINK), SINK,
        DestinationType.CUSTOMWEBHOOK, Map.of(),
        Map.of("webhookURL", url, "hmacSecret", HexFormat.of().formatHex(secret)),
        List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"), List.of(AlertType.RULE, AlertType.RULE_ERROR),
        true);
    if (existing.isPresent()) {
      destinations.update(config);
    } else {
      destinations.create(config);
    }
  }
}
