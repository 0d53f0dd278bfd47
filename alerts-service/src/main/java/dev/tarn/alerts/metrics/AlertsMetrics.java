package dev.tarn.alerts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Prometheus metrics: alerts created ({@code tarn_alerts_total}, Panther's AlertsCreated, by type and
 * severity), matches
 * consumed, deliveries by outcome, and lag behind each findings table (versions and seconds).
 */
public final class AlertsMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicLong> lagVersions = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> lagSeconds = new ConcurrentHashMap<>();
  private final Timer deliveryDelay;

  public AlertsMetrics() {
    new JvmMemoryMetrics().bindTo(registry); // jvm_memory_used_bytes: the heap the service needs
    new JvmThreadMetrics().bindTo(registry);
    deliveryDelay = Timer.builder("tarn_alerts_delivery_delay")
        .description("From an alert's creation (in the poll that saw its findings) to its first successful delivery")
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  public void alertCreated(String type, String severity) {
    // Panther's AlertsCreated. Exposed as tarn_alerts_total: Prometheus reserves the _created suffix.
    Counter.builder("tarn_alerts").description("Alerts created (a dedup window reached its rule's threshold)")
        .tags("type", type, "severity", severity).register(registry).increment();
  }

  public void matchesConsumed(String table, String outcome, long n) {
    if (n > 0) {
      Counter.builder("tarn_alerts_findings_consumed").description("Finding rows read, by outcome")
          .tags("table", table, "outcome", outcome).register(registry).increment(n);
    }
  }

  public void delivery(String destinationType, String outcome) {
    Counter.builder("tarn_alerts_deliveries").description("Delivery attempts by outcome")
        .tags("destination_type", destinationType, "outcome", outcome).register(registry).increment();
  }

  public void deliveryDelay(Duration delay) {
    deliveryDelay.record(delay);
  }

  /** How far the service is behind {@code table}: versions not yet read, and the age of the oldest unread commit. */
  public void lag(String table, long versions, long seconds) {
    gauge(lagVersions, "tarn_alerts_findings_lag_versions", "Findings table versions not yet consumed", table)
        .set(versions);
    gauge(lagSeconds, "tarn_alerts_findings_lag_seconds", "Age of the oldest unconsumed findings commit", table)
        .set(seconds);
  }

  private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String table) {
    return values.computeIfAbsent(table, t -> {
      AtomicLong v = new AtomicLong();
      Gauge.builder(name, v, AtomicLong::get).description(description).tag("table", t).register(registry);
      return v;
    });
  }
}
