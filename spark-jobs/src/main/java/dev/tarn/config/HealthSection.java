package dev.tarn.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the {@code health.*} keys of tarn.yaml into a {@link HealthConfig}. */
final class HealthSection {
  private static final Set<String> SEVERITIES = Set.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");

  private HealthSection() {}

  static void describe(Map<String, String> keys) {
    keys.put("health.streamLag", "a duration such as 900s or 1h: the oldest landed file not yet ingested may be "
        + "this old (default 900s)");
    keys.put("health.lagLookback", "a duration such as 24h: how far back landed files are checked for lag "
        + "(default 24h)");
    keys.put("health.window", "a duration such as 15m: the period quarantine growth is counted over (default 15m)");
    keys.put("health.quarantineGrowth", "an integer >= 0: more lines quarantined per source in the window fire "
        + "(default 0)");
    keys.put("health.deadLetters", "an integer >= 0: more dead-lettered deliveries fire (default 0)");
    keys.put("health.silentAfter", "a duration such as 1h, or a mapping of source id (or 'default') to one: a source "
        + "sending nothing for longer is silent (default 1h)");
    keys.put("health.volumeAnomalies", "true or false: judge yesterday's volume per log table (default true)");
    keys.put("health.severity", "a mapping of alarm id (Tarn.Health.StreamLag, ...) to INFO, LOW, MEDIUM, HIGH or "
        + "CRITICAL");
    keys.put("health.dedupPeriod", "a duration such as 60m: repeats of an alarm within it make one alert "
        + "(default 60m)");
    keys.put("health.alerts.url", "the alerts service's base URL, such as http://127.0.0.1:8723 (default: not "
        + "monitored)");
    keys.put("health.alerts.token", "a read-only API token of the alerts service; prefer TARN_HEALTH_ALERTS_TOKEN");
  }

  static HealthConfig parse(Map<String, Object> values, Map<String, String> origin) {
    HealthConfig d = HealthConfig.defaults();
    Map<String, Duration> bySource = new LinkedHashMap<>();
    Duration silentAfter = d.silentAfter();
    Object silent = values.get("health.silentAfter");
    if (silent instanceof Map<?, ?> perSource) {
      for (Map.Entry<?, ?> e : perSource.entrySet()) {
        Duration value = ConfigLoader.parseDuration(e.getValue());
        if (value == null || value.isZero()) {
          throw new ConfigException(origin.get("health.silentAfter") + ": invalid value for health.silentAfter."
              + e.getKey() + ": '" + e.getValue() + "' (expected a duration such as 30m, 6h, 2d)");
        }
        if ("default".equals(String.valueOf(e.getKey()))) {
          silentAfter = value;
        } else {
          bySource.put(String.valueOf(e.getKey()), value);
        }
      }
    } else {
      silentAfter = ConfigLoader.duration(values, origin, "health.silentAfter", d.silentAfter());
    }
    Map<String, String> severities = new LinkedHashMap<>();
    Object severity = values.get("health.severity");
    if (severity != null) {
      if (!(severity instanceof Map<?, ?> map)) {
        throw ConfigLoader.invalid(origin, "health.severity", severity);
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String level = String.valueOf(e.getValue()).toUpperCase(Locale.ROOT);
        if (!SEVERITIES.contains(level)) {
          throw new ConfigException(origin.get("health.severity") + ": invalid value for health.severity."
              + e.getKey() + ": '" + e.getValue() + "' (expected one of " + SEVERITIES + ")");
        }
        severities.put(String.valueOf(e.getKey()), level);
      }
    }
    return new HealthConfig(
        ConfigLoader.duration(values, origin, "health.streamLag", d.streamLag()),
        ConfigLoader.duration(values, origin, "health.lagLookback", d.lagLookback()),
        ConfigLoader.duration(values, origin, "health.window", d.window()),
        ConfigLoader.nonNegativeLong(values, origin, "health.quarantineGrowth", d.quarantineGrowth()),
        ConfigLoader.nonNegativeLong(values, origin, "health.deadLetters", d.deadLetters()),
        silentAfter,
        bySource,
        ConfigLoader.bool(values, origin, "health.volumeAnomalies", d.volumeAnomalies()),
        severities,
        ConfigLoader.duration(values, origin, "health.dedupPeriod", d.dedupPeriod()),
        ConfigLoader.string(values, origin, "health.alerts.url", null),
        ConfigLoader.string(values, origin, "health.alerts.token", null));
  }
}
