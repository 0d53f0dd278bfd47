package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.store.DestinationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: claims due deliveries, builds each alert's notification, sends it to the
 * destination, and records the attempt — DELIVERED on success, PENDING again with a backoff on a retryable failure,
 * DEAD after the last attempt or on a permanent failure. A worker that dies mid-send leaves its claim to expire, and
 * the delivery is sent again (at least once; destinations that support it get the alert id as their dedup key).
 */
public final class DeliveryWorker {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

  /** Builds a sender for a configured destination. */
  @FunctionalInterface
  public interface DestinationFactory {
    Destination create(DestinationConfig config);
  }

  private record Cached(Instant updatedAt, Destination destination) {}

  private final Outbox outbox;
  private final DestinationStore destinations;
  private final AlertNotifications notifications;
  private final DestinationFactory factory;
  private final RetryPolicy policy;
  private final AlertsMetrics metrics;
  private final Clock clock;
  private final RandomGenerator random;
  private final Duration lease;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  public DeliveryWorker(Outbox outbox, DestinationStore destinations, AlertNotifications notifications,
      DestinationFactory factory, RetryPolicy policy, AlertsMetrics metrics, Clock clock, RandomGenerator random,
      Duration lease) {
    this.outbox = requireNonNull(outbox, "outbox is null");
    this.destinations = requireNonNull(destinations, "destinations is null");
    this.notifications = requireNonNull(notifications, "notifications is null");
    this.factory = requireNonNull(factory, "factory is null");
    this.policy = requireNonNull(policy, "policy is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.random = requireNonNull(random, "random is null");
    this.lease = requireNonNull(lease, "lease is null");
  }

  /** Sends every delivery due now (up to {@code limit}); returns how many were attempted. */
  public int runOnce(int limit) {
    List<Delivery> due = outbox.claimDue(limit, lease);
    for (Delivery d : due) {
      send(d);
    }
    return due.size();
  }

  private void send(Delivery d) {
    Instant start = clock.instant();
    Optional<DestinationStore.Stored> stored = resolve(d.destinationId());
    if (stored.isEmpty()) {
      fail(d, DeliveryResult.permanent(null, "Destination '" + d.destinationId() + "' does not exist (deleted, or "
          + "never created). Create it, then requeue this delivery."), start, "unknown");
      return;
    }
    DestinationConfig config = stored.get().config();
    String type = config.type().apiName();
    Optional<AlertNotification> notification = notifications.load(d.alertId(), d.resend());
    if (notification.isEmpty()) {
      fail(d, DeliveryResult.permanent(null, "Alert " + d.alertId() + " does not exist"), start, type);
      return;
    }
    if (!config.alertTypes().isEmpty() && !config.alertTypes().contains(notification.get().type())) {
      fail(d, DeliveryResult.permanent(null, "Destination '" + config.name() + "' does not accept "
          + notification.get().type() + " alerts (its alertTypes are " + config.alertTypes() + ")"), start, type);
      return;
    }
    DeliveryResult result;
    try {
      result = destination(stored.get()).send(notification.get());
    } catch (RuntimeException e) {
      // A sender must report, not throw; if one does, the delivery is retried rather than lost.
      LOG.warn("Destination {} ({}) failed unexpectedly: {}", config.name(), type, e.toString());
      result = DeliveryResult.retryable(null, "unexpected error: " + e.getClass().getSimpleName());
    }
    long ms = Duration.between(start, clock.instant()).toMillis();
    if (result.success()) {
      outbox.recordSuccess(d, result, ms);
      metrics.delivery(type, "delivered");
      if (d.attempts() == 0 && !d.resend()) {
        metrics.deliveryDelay(Duration.between(notification.get().createdAt(), clock.instant()));
      }
    } else {
      fail(d, result, start, type);
    }
  }

  private void fail(Delivery d, DeliveryResult result, Instant start, String type) {
    long ms = Duration.between(start, clock.instant()).toMillis();
    Optional<Instant> next = result.permanent() ? Optional.empty()
        : policy.next(d.attempts() + 1, clock.instant(), random);
    outbox.recordFailure(d, result, ms, next.orElse(null));
    metrics.delivery(type, next.isPresent() ? "retry" : "dead");
    if (next.isEmpty()) {
      LOG.warn("Delivery {} of alert {} to {} is dead after {} attempt(s): {}", d.id(), d.alertId(), d.destinationId(),
          d.attempts() + 1, result.message());
    }
  }

  private Optional<DestinationStore.Stored> resolve(String idOrName) {
    Optional<DestinationStore.Stored> byId = destinations.get(idOrName);
    return byId.isPresent() ? byId : destinations.byName(idOrName);
  }

  private Destination destination(DestinationStore.Stored stored) {
    String id = stored.config().id();
    Cached cached = cache.get(id);
    if (cached == null || !cached.updatedAt().equals(stored.updatedAt())) {
      if (cached != null) {
        close(cached.destination());
      }
      cached = new Cached(stored.updatedAt(), factory.create(stored.config()));
      cache.put(id, cached);
    }
    return cached.destination();
  }

  private static void close(Destination d) {
    if (d instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Closing a destination failed: {}", e.toString());
      }
    }
  }

  /** Releases destination clients. */
  public void close() {
    cache.values().forEach(c -> close(c.destination()));
    cache.clear();
  }
}
