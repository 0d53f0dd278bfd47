package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.AlertType;
import java.util.Locale;

/** Alert types as the API accepts them: RULE, RULE_ERROR or POLICY, in any case. */
final class AlertTypes {
  private AlertTypes() {}

  static AlertType parse(String name) {
    try {
      return AlertType.valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown alert type " + name + " (expected one of RULE, RULE_ERROR, POLICY)");
    }
  }
}
