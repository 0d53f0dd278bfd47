package dev.tarn.detect.pack;

import java.util.Locale;

/** Panther's severities, lowest first. */
public enum Severity {
  INFO, LOW, MEDIUM, HIGH, CRITICAL;

  /** Parses {@code Info}, {@code LOW}, … (any case); null when the text is not a severity. */
  public static Severity parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The spelling Panther uses in YAML ({@code Info}, {@code Low}, …). */
  public String yamlName() {
    String n = name();
    return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
  }
}
