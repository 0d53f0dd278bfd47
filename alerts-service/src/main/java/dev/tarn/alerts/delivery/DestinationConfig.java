package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A configured destination.
 *
 * @param settings non-secret settings by Panther's config field names (e.g. {@code projectKey}, {@code queueUrl})
 * @param secrets secret settings (e.g. {@code webhookURL}, {@code apiKey}, {@code token}); encrypted at rest, never
 *     shown by the API
 * @param defaultSeverities severities this destination receives when a rule names no destination
 * @param alertTypes alert types it accepts; empty = all
 * @param allowPrivateNetwork lets webhooks reach loopback, private and link-local addresses (off by default)
 */
public record DestinationConfig(
    String id,
    String name,
    DestinationType type,
    Map<String, String> settings,
    Map<String, String> secrets,
    List<String> defaultSeverities,
    List<AlertType> alertTypes,
    boolean allowPrivateNetwork) {

  public DestinationConfig {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    settings = settings == null ? Map.of() : Map.copyOf(settings);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    defaultSeverities = defaultSeverities == null ? List.of() : List.copyOf(defaultSeverities);
    alertTypes = alertTypes == null ? List.of() : List.copyOf(alertTypes);
  }

  /** A setting from either map, or null. */
  public String value(String key) {
    String v = settings.get(key);
    return v != null ? v : secrets.get(key);
  }
}
