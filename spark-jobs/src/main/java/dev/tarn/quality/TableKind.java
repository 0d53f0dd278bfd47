package dev.tarn.quality;

import dev.tarn.detect.job.FindingColumns;

/** What a checked table holds: normalized events, or findings (events plus rule columns). */
enum TableKind {
  /** {@code panther_logs.<table>}: one row per event, {@code p_row_id} is the key. */
  LOGS,
  /** {@code panther_rule_matches/errors.<table>}: one row per (rule, event), {@code p_match_id} is the key. */
  FINDINGS;

  static TableKind of(String database) {
    return database.equals(FindingColumns.MATCHES_DB) || database.equals(FindingColumns.ERRORS_DB)
        ? FINDINGS : LOGS;
  }
}
