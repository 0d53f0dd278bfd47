package dev.tarn.alerts.findings;

/**
 * Which findings database a row came from. Errors alert as Panther's RULE_ERROR; system findings (written by
 * {@code tarn health} about Tarn's own jobs and sources) alert as SYSTEM_ERROR.
 */
public enum FindingKind {
  MATCH("panther_rule_matches"),
  ERROR("panther_rule_errors"),
  SYSTEM("tarn_system_errors");

  private final String database;

  FindingKind(String database) {
    this.database = database;
  }

  public String database() {
    return database;
  }
}
