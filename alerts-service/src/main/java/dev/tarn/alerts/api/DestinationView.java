package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.store.DestinationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A destination as the API shows it: every setting, with the secret ones replaced by {@link #REDACTED}. Secrets are
 * never returned, not even to admins; to change one, send its new value.
 */
record DestinationView(
    String id,
    String name,
    String type,
    Map<String, String> settings,
    List<String> defaultSeverities,
    List<AlertType> alertTypes,
    boolean allowPrivateNetwork,
    Instant updatedAt) {

  /** Stands in for a secret value in responses; sent back on PUT it means "keep the stored value". */
  static final String REDACTED = "********";

  static DestinationView of(DestinationStore.Stored stored) {
    var c = stored.config();
    Map<String, String> settings = new TreeMap<>(c.settings());
    c.secrets().keySet().forEach(k -> settings.put(k, REDACTED));
    return new DestinationView(c.id(), c.name(), c.type().apiName(), settings, c.defaultSeverities(), c.alertTypes(),
        c.allowPrivateNetwork(), stored.updatedAt());
  }
}
