package dev.tarn.alerts.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Panther's severities and the colors its UI gives them, which Slack and Teams messages reuse. Per-destination
 * mappings (PagerDuty severities, Opsgenie priorities) live with their destinations.
 */
public final class Severities {
  /** Panther's five severities, lowest first. */
  public static final List<String> ALL = List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
  private static final Map<String, String> COLORS = Map.of(
      "CRITICAL", "#425a70",
      "HIGH", "#cb2e2e",
      "MEDIUM", "#d9822b",
      "LOW", "#f7d154",
      "INFO", "#47b881");

  private Severities() {}

  /** The severity upper-cased, as Panther spells it. */
  public static String normalize(String severity) {
    return severity.strip().toUpperCase(Locale.ROOT);
  }

  /** True when {@code severity} (in any case) is one of Panther's five. */
  public static boolean isKnown(String severity) {
    return severity != null && ALL.contains(normalize(severity));
  }

  /** The UI color as {@code #rrggbb}, or null for an unknown severity. */
  public static String color(String severity) {
    return COLORS.get(normalize(severity));
  }
}
