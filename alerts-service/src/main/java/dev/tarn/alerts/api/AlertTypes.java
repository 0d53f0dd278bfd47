package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.AlertType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Alert types as the API accepts them: RULE, RULE_ERROR, POLICY or SYSTEM_ERROR, in any case. */
final class AlertTypes {
  private AlertTypes() {}

  static AlertType parse(String name) {
    try {
      return AlertType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown alert type " + name + " (expected one of "
          + Arrays.stream(AlertType.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
    }
  }
}
