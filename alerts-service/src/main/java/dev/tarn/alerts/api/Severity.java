package dev.tarn.alerts.api;

import dev.tarn.alerts.delivery.Severities;
import java.util.List;
import java.util.Locale;

/** Panther's severities, as the API accepts them in filters and destination defaults. */
final class Severity {
  static final List<String> ALL = Severities.ALL;

  private Severity() {}

  /** The upper-case severity named by {@code name}, in any case. */
  static String parse(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    if (!ALL.contains(n)) {
      throw new IllegalArgumentException("unknown severity " + name + " (expected one of " + String.join(", ", ALL) + ")");
    }
    return n;
  }
}
