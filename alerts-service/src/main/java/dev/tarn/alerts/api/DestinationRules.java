package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.DestinationType;
import java.util.List;
import java.util.Map;

/** Per destination type: which settings are secret, and whether a configuration is complete and well-formed. */
public interface DestinationRules {
  /** Every problem with the configuration, each saying what is wrong and how to fix it; empty when it is valid. */
  List<String> validate(DestinationType type, Map<String, String> settings, Map<String, String> secrets);

  /** True when setting {@code key} of {@code type} holds a secret (sealed at rest, never shown). */
  boolean isSecret(DestinationType type, String key);
}
