package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The findings that versions {@code (fromVersionExclusive, toVersion]} of a table added.
 *
 * @param fromVersionExclusive -1 when the batch starts at the table's beginning
 * @param commitTime when {@code toVersion} was committed (for lag metrics)
 */
public record FindingsBatch(FindingsTable table, long fromVersionExclusive, long toVersion, Instant commitTime,
    List<Finding> findings) {

  public FindingsBatch {
    requireNonNull(table, "table is null");
    requireNonNull(commitTime, "commitTime is null");
    findings = List.copyOf(requireNonNull(findings, "findings is null"));
  }
}
