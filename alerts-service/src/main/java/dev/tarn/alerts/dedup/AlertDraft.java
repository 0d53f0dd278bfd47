package dev.tarn.alerts.dedup;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.findings.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The matches of one batch that go to one alert, and the alert's fields as the first of them generated them (Panther
 * uses the first match of a group for the alert's title, severity and the rest).
 */
final class AlertDraft {
  final String alertId;
  final String dedupKey;
  final Finding first;
  final AlertType type;
  final WindowMode mode;
  final Instant windowStart;
  final Instant windowEnd;
  final List<Finding> findings = new ArrayList<>();
  final TreeSet<String> logTypes = new TreeSet<>();
  Instant firstEventTime;
  Instant lastEventTime;

  AlertDraft(String alertId, String dedupKey, Finding first, AlertType type, WindowMode mode, Instant windowStart,
      Instant windowEnd) {
    this.alertId = alertId;
    this.dedupKey = dedupKey;
    this.first = first;
    this.type = type;
    this.mode = mode;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
  }

  /** Matches alert as rules, errors as rule errors, system findings ({@code tarn health}) as system errors. */
  static AlertType typeOf(Finding f) {
    return switch (f.kind()) {
      case MATCH -> AlertType.RULE;
      case ERROR -> AlertType.RULE_ERROR;
      case SYSTEM -> AlertType.SYSTEM_ERROR;
    };
  }

  void add(Finding f) {
    findings.add(f);
    // A system finding's p_log_type (Tarn.Health) names the check, not logs the alert is about: it has no events.
    if (f.logType() != null && type != AlertType.SYSTEM_ERROR) {
      logTypes.add(f.logType());
    }
    Instant t = f.eventTime();
    if (t != null) {
      firstEventTime = firstEventTime == null || t.isBefore(firstEventTime) ? t : firstEventTime;
      lastEventTime = lastEventTime == null || t.isAfter(lastEventTime) ? t : lastEventTime;
    }
  }

  /** Panther's fallbacks: the generated title, else the rule's display name, else its id; errors by their message. */
  String title() {
    if (type == AlertType.RULE_ERROR) {
      String error = first.error() == null ? first.dedup() : first.error();
      String line = error == null ? "error" : error.strip().lines().findFirst().orElse("error");
      return truncate(first.ruleId() + ": " + line, 1000);
    }
    String t = nonBlank(first.title()) ? first.title()
        : nonBlank(first.ruleDisplayName()) ? first.ruleDisplayName() : first.ruleId();
    return truncate(t, 4000);
  }

  int threshold() {
    return type == AlertType.RULE_ERROR ? 1 : Math.max(1, first.threshold());
  }

  private static boolean nonBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
