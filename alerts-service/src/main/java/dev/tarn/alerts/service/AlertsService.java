package dev.tarn.alerts.service;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.api.ApiServer;
import dev.tarn.alerts.api.DestinationRules;
import dev.tarn.alerts.api.DestinationTester;
import dev.tarn.alerts.dedup.AlertWriter;
import dev.tarn.alerts.dedup.FindingsConsumer;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.AlertNotifications;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DeliveryWorker;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationFields;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.DestinationValidation;
import dev.tarn.alerts.delivery.Destinations;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.AlertQueries;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TokenStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service: the findings consumer on a schedule, the delivery worker on a faster one, and the REST API.
 * Built from an {@link AlertsConfig}; {@link #open} wires the parts, {@link #start} starts the loops and the API.
 */
public final class AlertsService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertsService.class);
  private static final int DELIVERY_BATCH = 100;

  private final AlertsConfig config;
  private final Database db;
  private final FindingsReader reader;
  private final FindingsConsumer consumer;
  private final DeliveryWorker worker;
  private final Outbox outbox;
  private final DestinationStore destinations;
  private final TokenStore tokens;
  private final AlertsMetrics metrics;
  private final DeliveryContext delivery;
  private final Clock clock;
  private final Object pollLock = new Object();
  private final Object deliveryLock = new Object();
  private ScheduledExecutorService loops;
  private ApiServer api;

  private AlertsService(AlertsConfig config, Database db, SecretBox box, DeliveryContext delivery, Clock clock) {
    this.config = config;
    this.db = db;
    this.clock = clock;
    this.delivery = delivery;
    this.metrics = new AlertsMetrics();
    this.reader = new FindingsReader(config.lake());
    this.destinations = new DestinationStore(db, box, clock);
    this.outbox = new Outbox(db, clock);
    this.tokens = new TokenStore(db, clock);
    this.consumer = new FindingsConsumer(db, reader, new AlertWriter(config.dedup(), destinations), metrics, clock,
        config.versionsPerBatch());
    this.worker = new DeliveryWorker(outbox, destinations, new AlertNotifications(db, config.linkPrefix()),
        c -> Destinations.create(c, delivery), config.retry(), metrics, clock, new SecureRandom(),
        Duration.ofMinutes(2));
  }

  /** Opens the database (migrating it) and wires the service; nothing runs until {@link #start}. */
  public static AlertsService open(AlertsConfig config, Map<String, String> env) {
    return open(config, env, DeliveryContext.defaults());
  }

  public static AlertsService open(AlertsConfig config, Map<String, String> env, DeliveryContext delivery) {
    requireNonNull(config, "config is null");
    SecretBox box = SecretBox.fromEnvironment(env.get(SecretBox.ENV_KEY), secretKeyFile(config));
    Database db = Database.open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    return new AlertsService(config, db, box, delivery, Clock.system(ZoneOffset.UTC));
  }

  private static Path secretKeyFile(AlertsConfig config) {
    String lake = config.lake().startsWith("file:") ? config.lake().substring(5) : config.lake();
    if (lake.contains("://")) {
      // Not a local lake: the key cannot live beside it; SecretBox then requires the environment variable.
      return Path.of(System.getProperty("user.home"), ".tarn", "alerts-secret.key");
    }
    return Path.of(lake, "tarn_system", "alerts", "secret.key");
  }

  /** Creates the first admin token if there is none: from the environment, else a new one returned to print once. */
  public Optional<String> bootstrapAdminToken(Map<String, String> env) {
    return tokens.bootstrap(env.get(TokenStore.ADMIN_TOKEN_ENV));
  }

  /** Starts the API and the two loops. */
  public AlertsService start() {
    api = ApiServer.builder()
        .alertQueries(new AlertQueries(db))
        .outbox(outbox)
        .destinationStore(destinations)
        .tokenStore(tokens)
        .metrics(metrics)
        .alertEvents(new MatchedEvents(db, reader))
        .destinationRules(rules())
        .destinationTester(this::sendTest)
        .clock(clock)
        .health(this::health)
        .build()
        .start(config.host(), config.port());
    loops = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "tarn-alerts-loop");
      t.setDaemon(true);
      return t;
    });
    loops.scheduleWithFixedDelay(this::pollSafely, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    loops.scheduleWithFixedDelay(this::deliverSafely, 0, config.deliveryInterval().toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("Alerts service on http://{}:{} — lake {}, database {}", config.host(), api.port(), config.lake(),
        Database.redact(config.databaseUrl()));
    return this;
  }

  public int port() {
    return api.port();
  }

  /** One poll of every findings table (what the loop runs). */
  public FindingsConsumer.PollResult pollOnce() {
    // One poll at a time in this process: the loop and an explicit call would only collide and roll one back.
    synchronized (pollLock) {
      return consumer.pollOnce();
    }
  }

  /** Sends everything due now; returns how many deliveries were attempted. */
  public int deliverDue() {
    synchronized (deliveryLock) {
      int total = 0;
      int n;
      do {
        n = worker.runOnce(DELIVERY_BATCH);
        total += n;
      } while (n == DELIVERY_BATCH);
      return total;
    }
  }

  public Outbox outbox() {
    return outbox;
  }

  public DestinationStore destinations() {
    return destinations;
  }

  public TokenStore tokens() {
    return tokens;
  }

  public Database database() {
    return db;
  }

  private void pollSafely() {
    try {
      pollOnce();
    } catch (RuntimeException e) {
      // The batch was rolled back; the next poll retries it. Keep the loop alive and say why.
      LOG.error("Polling the findings tables failed (will retry at the next poll): {}", e.toString(), e);
    }
  }

  private void deliverSafely() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.error("Delivering alerts failed (will retry): {}", e.toString(), e);
    }
  }

  private Map<String, Object> health() {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean dbUp;
    try {
      db.inTransaction(c -> c.isValid(2));
      dbUp = true;
    } catch (RuntimeException e) {
      dbUp = false;
    }
    Instant last = consumer.lastPoll();
    out.put("status", dbUp ? "ok" : "degraded");
    out.put("database", dbUp ? "up" : "down");
    out.put("lastPoll", last == null ? null : last.toString());
    out.put("deliveries", outbox.countsByStatus());
    return out;
  }

  private static DestinationRules rules() {
    return new DestinationRules() {
      @Override
      public List<String> validate(DestinationType type, Map<String, String> settings, Map<String, String> secrets) {
        return DestinationValidation.validate(type, settings, secrets);
      }

      @Override
      public boolean isSecret(DestinationType type, String key) {
        return DestinationFields.isSecret(type, key);
      }
    };
  }

  /** Panther's sendTestAlert: a clearly marked test notification through the destination as configured. */
  private DeliveryResult sendTest(DestinationConfig config) {
    // A destination that takes only other types (an alarm destination: [SYSTEM_ERROR]) is tested with one of those.
    AlertType type = config.alertTypes().isEmpty() || config.alertTypes().contains(AlertType.RULE) ? AlertType.RULE
        : config.alertTypes().get(0);
    AlertNotification test = new AlertNotification("test-" + Long.toHexString(clock.millis()), "Tarn.Test",
        type, "Tarn test alert", "This is a test alert from Tarn", "INFO",
        "Sent by POST /api/v1/destinations/{id}/test to check this destination.", null, null, List.of("test"), null,
        clock.instant(), "test", this.config.linkPrefix() + "test", 0, List.of(), false);
    Destination d = Destinations.create(config, delivery);
    try {
      return d.send(test);
    } finally {
      if (d instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.debug("Closing the test destination failed: {}", e.toString());
        }
      }
    }
  }

  @Override
  public void close() {
    if (loops != null) {
      loops.shutdownNow();
      try {
        loops.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (api != null) {
      api.stop();
    }
    worker.close();
    reader.close();
    db.close();
  }
}
