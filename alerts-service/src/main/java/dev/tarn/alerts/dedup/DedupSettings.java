package dev.tarn.alerts.dedup;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Dedup configuration: the default window mode and the rules (ids or globs such as {@code AWS.CloudTrail.*}) whose
 * windows run on event time instead.
 */
public record DedupSettings(WindowMode defaultMode, List<String> eventTimeRules) {
  public static final DedupSettings PANTHER = new DedupSettings(WindowMode.PROCESSING, List.of());

  public DedupSettings {
    requireNonNull(defaultMode, "defaultMode is null");
    eventTimeRules = List.copyOf(eventTimeRules);
  }

  public WindowMode modeFor(String ruleId) {
    for (String glob : eventTimeRules) {
      if (glob.equals(ruleId) || Pattern.matches(globToRegex(glob), ruleId)) {
        return WindowMode.EVENT;
      }
    }
    return defaultMode;
  }

  private static String globToRegex(String glob) {
    StringBuilder out = new StringBuilder();
    for (char ch : glob.toCharArray()) {
      out.append(ch == '*' ? ".*" : Pattern.quote(String.valueOf(ch)));
    }
    return out.toString();
  }
}
