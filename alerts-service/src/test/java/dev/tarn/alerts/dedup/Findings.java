package dev.tarn.alerts.dedup;

import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Findings with controlled times, as the detect job would write them. */
final class Findings {
  private Findings() {}

  static Finding match(String matchId, String ruleId, String dedup, Instant detectTime, Instant eventTime,
      int periodMinutes, int threshold) {
    return new Finding("panther_rule_matches.aws_cloudtrail", FindingKind.MATCH, matchId, ruleId, "1", "Rule " + ruleId,
        detectTime, eventTime, LocalDate.ofInstant(eventTime, ZoneOffset.UTC), "AWS.CloudTrail", "Title " + dedup,
        dedup, "HIGH", "{\"ip\":\"1.2.3.4\"}", "desc", "ref", "runbook", null, List.of("tag"), null, List.of(),
        periodMinutes, threshold, true, null);
  }

  static Finding error(String matchId, String ruleId, String dedup, Instant detectTime) {
    return new Finding("panther_rule_errors.aws_cloudtrail", FindingKind.ERROR, matchId, ruleId, "1", null,
        detectTime, detectTime, LocalDate.ofInstant(detectTime, ZoneOffset.UTC), "AWS.CloudTrail", null, dedup, "INFO",
        null, null, null, null, null, List.of(), null, List.of(), 60, 5, true,
        dedup + ": boom: rule.py, line 3, in rule");
  }

  /** A system finding of {@code tarn health}: alarm {@code alarmId} about {@code subject}, evaluated at {@code at}. */
  static Finding system(String matchId, String alarmId, String subject, Instant at) {
    return new Finding("tarn_system_errors.health", FindingKind.SYSTEM, matchId, alarmId, "1", "Source silent", at, at,
        LocalDate.ofInstant(at, ZoneOffset.UTC), "Tarn.Health", "No data from " + subject, subject, "HIGH",
        "{\"source\":\"" + subject + "\"}", "desc", null, "docs/runbooks.md#source-silent", null,
        List.of("tarn-health"), null, null, 60, 1, true, null);
  }

  static Finding withLogType(Finding f, String table, String logType) {
    return new Finding(table, f.kind(), f.matchId(), f.ruleId(), f.ruleVersion(), f.ruleDisplayName(), f.detectTime(),
        f.eventTime(), f.eventDate(), logType, f.title(), f.dedup(), f.severity(), f.contextJson(), f.description(),
        f.reference(), f.runbook(), f.destinations(), f.tags(), f.reports(), f.outputIds(), f.dedupPeriodMinutes(),
        f.threshold(), f.createAlert(), f.error());
  }

  static Finding signal(Finding f) {
    return new Finding(f.table(), f.kind(), f.matchId(), f.ruleId(), f.ruleVersion(), f.ruleDisplayName(),
        f.detectTime(), f.eventTime(), f.eventDate(), f.logType(), f.title(), f.dedup(), f.severity(), f.contextJson(),
        f.description(), f.reference(), f.runbook(), f.destinations(), f.tags(), f.reports(), f.outputIds(),
        f.dedupPeriodMinutes(), f.threshold(), false, f.error());
  }

  static Finding routed(Finding f, List<String> destinations, List<String> outputIds) {
    return new Finding(f.table(), f.kind(), f.matchId(), f.ruleId(), f.ruleVersion(), f.ruleDisplayName(),
        f.detectTime(), f.eventTime(), f.eventDate(), f.logType(), f.title(), f.dedup(), f.severity(), f.contextJson(),
        f.description(), f.reference(), f.runbook(), destinations, f.tags(), f.reports(), outputIds,
        f.dedupPeriodMinutes(), f.threshold(), f.createAlert(), f.error());
  }
}
