package dev.tarn.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * Thresholds of {@code tarn health}'s alarm rules and where {@code tarn status} / {@code tarn health} find the alerts
 * service. Defaults borrow Panther's CloudWatch alarms where one maps (docs/health.md).
 *
 * @param streamLag a source's oldest landed file not yet ingested may be this old (default 900 s: Panther's alarm on
 *     the age of the oldest SQS message)
 * @param lagLookback files landed longer ago than this are not looked at for lag, which bounds the listing and the
 *     comparison with {@code tarn_system.ingest_files} (default 24 h)
 * @param window the period quarantine growth is counted over; the same as the health schedule (default 15 m)
 * @param quarantineGrowth more quarantined lines than this within {@code window}, per source, fire (default 0: like
 *     Panther's alarm on any error logged by its log processor)
 * @param deadLetters more dead-lettered deliveries than this fire (default 0: Panther's DLQ alarm)
 * @param silentAfter a source that sent nothing for longer than this is silent (default 1 h)
 * @param silentAfterBySource per source id, overriding {@code silentAfter}
 * @param volumeAnomalies whether yesterday's volume of each log table is judged against its history
 * @param severities severity per alarm id ({@code Tarn.Health.StreamLag: HIGH}), overriding the defaults
 * @param dedupPeriod repeats of an alarm for the same subject within this period make one alert (default 60 m)
 * @param alertsUrl base URL of the alerts service ({@code http://127.0.0.1:8723}); null when not configured
 * @param alertsToken a read-only API token of the alerts service, for its deliveries; null when none. Never printed
 */
public record HealthConfig(Duration streamLag, Duration lagLookback, Duration window, long quarantineGrowth,
    long deadLetters, Duration silentAfter, Map<String, Duration> silentAfterBySource, boolean volumeAnomalies,
    Map<String, String> severities, Duration dedupPeriod, String alertsUrl, String alertsToken) {

  public HealthConfig {
    requireNonNull(streamLag, "streamLag is null");
    requireNonNull(lagLookback, "lagLookback is null");
    requireNonNull(window, "window is null");
    requireNonNull(silentAfter, "silentAfter is null");
    silentAfterBySource = Map.copyOf(silentAfterBySource);
    severities = Map.copyOf(severities);
    requireNonNull(dedupPeriod, "dedupPeriod is null");
    if (quarantineGrowth < 0 || deadLetters < 0) {
      throw new IllegalArgumentException("Invalid thresholds: quarantineGrowth " + quarantineGrowth
          + ", deadLetters " + deadLetters + " (must be >= 0)");
    }
    alertsUrl = alertsUrl == null ? null : alertsUrl.replaceAll("/+$", "");
  }

  public static HealthConfig defaults() {
    return new HealthConfig(Duration.ofSeconds(900), Duration.ofHours(24), Duration.ofMinutes(15), 0, 0,
        Duration.ofHours(1), Map.of(), true, Map.of(), Duration.ofMinutes(60), null, null);
  }

  /** How long {@code sourceId} may stay silent. */
  public Duration silentAfter(String sourceId) {
    return silentAfterBySource.getOrDefault(sourceId, silentAfter);
  }

  /** Keeps the token out of logs and error messages that print the config. */
  @Override
  public String toString() {
    return "HealthConfig[streamLag=" + streamLag + ", lagLookback=" + lagLookback + ", window=" + window
        + ", quarantineGrowth=" + quarantineGrowth + ", deadLetters=" + deadLetters + ", silentAfter=" + silentAfter
        + ", silentAfterBySource=" + silentAfterBySource + ", volumeAnomalies=" + volumeAnomalies + ", severities="
        + severities + ", dedupPeriod=" + dedupPeriod + ", alertsUrl=" + alertsUrl + ", alertsToken="
        + (alertsToken == null ? "none" : "(set)") + "]";
  }
}
