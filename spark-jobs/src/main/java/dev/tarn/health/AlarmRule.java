package dev.tarn.health;

import java.util.Arrays;
import java.util.Optional;

/** The alarms {@code tarn health} evaluates: their ids in the system findings, runbook anchors and defaults. */
public enum AlarmRule {
  JOB_FAILED(SystemFindings.JOB_FAILED, "job-failed", "Tarn job failed", "HIGH"),
  STREAM_LAG(SystemFindings.STREAM_LAG, "stream-lag", "Tarn ingest is behind", "MEDIUM"),
  QUARANTINE_GROWTH(SystemFindings.QUARANTINE_GROWTH, "quarantine-growth", "Tarn quarantined new lines", "MEDIUM"),
  DEAD_LETTERS(SystemFindings.DEAD_LETTERS, "dead-letters", "Tarn alert deliveries dead-lettered", "HIGH"),
  SOURCE_SILENT(SystemFindings.SOURCE_SILENT, "source-silent", "Tarn source silent", "HIGH"),
  VOLUME_ANOMALY(SystemFindings.VOLUME_ANOMALY, "volume-anomaly", "Tarn ingest volume anomaly", "MEDIUM");

  private final String id;
  private final String anchor;
  private final String displayName;
  private final String defaultSeverity;

  AlarmRule(String id, String anchor, String displayName, String defaultSeverity) {
    this.id = id;
    this.anchor = anchor;
    this.displayName = displayName;
    this.defaultSeverity = defaultSeverity;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public String defaultSeverity() {
    return defaultSeverity;
  }

  /** Where the runbook says how to recover ({@code docs/runbooks.md#stream-lag}). */
  public String runbook() {
    return "docs/runbooks.md#" + anchor;
  }

  public static Optional<AlarmRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
