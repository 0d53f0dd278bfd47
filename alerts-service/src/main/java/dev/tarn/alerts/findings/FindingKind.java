package dev.tarn.alerts.findings;

/** Which findings database a row came from; errors alert as Panther's RULE_ERROR. */
public enum FindingKind {
  MATCH("panther_rule_matches"),
  ERROR("panther_rule_errors");

  private final String database;

  FindingKind(String database) {
    this.database = database;
  }

  public String database() {
    return database;
  }
}
