package dev.tarn.detect.testing;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One {@code --filter KEY=VALUE[,VALUE…]} (or {@code KEY!=VALUE…}) of Panther's test tool: a detection matches when
 * its YAML value for KEY (or any element, for lists) is one of the VALUEs; {@code !=} inverts that. Several filters
 * must all match. Values compare exactly, as Panther does, except Severity (any case) and the booleans Enabled and
 * CreateAlert (true/false, yes/no, 1/0, on/off, any case).
 */
public record DetectionFilter(String key, List<String> values, boolean negated) {
  static final Set<String> KEYS = Set.of("AnalysisType", "RuleID", "PolicyID", "LogTypes", "ScheduledQueries",
      "ResourceTypes", "Severity", "Enabled", "CreateAlert", "Tags", "DisplayName", "Status", "OutputIds");

  public DetectionFilter {
    requireNonNull(key, "key is null");
    values = List.copyOf(values);
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException("unknown filter key '" + key + "'; use one of "
          + String.join(", ", new TreeSet<>(KEYS)));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("filter " + key + " has no value; write " + key + "=VALUE[,VALUE…]");
    }
    if (key.equals("Enabled") || key.equals("CreateAlert")) {
      values = values.stream().map(v -> String.valueOf(bool(key, v))).toList();
    }
  }

  /** Parses {@code KEY=V1,V2} or {@code KEY!=V1,V2}. */
  public static DetectionFilter parse(String text) {
    requireNonNull(text, "filter is null");
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new IllegalArgumentException("invalid filter '" + text + "'; write KEY=VALUE[,VALUE…] or"
          + " KEY!=VALUE[,VALUE…], e.g. Severity=High,Critical");
    }
    boolean negated = text.charAt(eq - 1) == '!';
    String key = text.substring(0, negated ? eq - 1 : eq).trim();
    List<String> values = new ArrayList<>();
    for (String v : text.substring(eq + 1).split(",")) {
      if (!v.isBlank()) {
        values.add(v.trim());
      }
    }
    return new DetectionFilter(key, values, negated);
  }

  public boolean matches(Detection d) {
    boolean any = false;
    for (String value : specValues(d)) {
      for (String wanted : values) {
        any |= key.equals("Severity") ? value.equalsIgnoreCase(wanted) : value.equals(wanted);
      }
    }
    return any != negated;
  }

  /** The detection's values for the key, as Panther's YAML spells them; empty when the key does not apply. */
  private Collection<String> specValues(Detection d) {
    boolean isRule = d.type() != AnalysisType.POLICY;
    return switch (key) {
      case "AnalysisType" -> List.of(d.type().yamlName());
      case "RuleID" -> isRule ? List.of(d.id()) : List.of();
      case "PolicyID" -> isRule ? List.of() : List.of(d.id());
      case "LogTypes" -> d.logTypes();
      case "ScheduledQueries" -> d.scheduledQueries();
      case "ResourceTypes" -> d.resourceTypes();
      case "Severity" -> List.of(d.severity().yamlName());
      case "Enabled" -> List.of(String.valueOf(d.enabled()));
      case "CreateAlert" -> List.of(String.valueOf(d.createAlert()));
      case "Tags" -> d.tags();
      case "DisplayName" -> List.of(d.displayName());
      case "Status" -> d.status() == null ? List.of() : List.of(d.status());
      case "OutputIds" -> d.outputIds();
      default -> throw new IllegalStateException(key);
    };
  }

  /** Python's strtobool, which Panther's tool uses for boolean filters. */
  private static boolean bool(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "y", "yes", "t", "true", "on", "1" -> true;
      case "n", "no", "f", "false", "off", "0" -> false;
      default -> throw new IllegalArgumentException("filter " + key + "=" + value + " is not a boolean; use true or"
          + " false");
    };
  }
}
