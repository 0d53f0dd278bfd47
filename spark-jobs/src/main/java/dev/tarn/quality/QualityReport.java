package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one {@code tarn quality} run found.
 *
 * @param runId the run's id (in quality_results and job_runs)
 * @param tables the tables checked
 * @param results every check's outcome, table by table, day by day
 * @param emptyDays {@code table p_date} of the days that had no rows (only their volume was recorded)
 */
public record QualityReport(String runId, List<String> tables, List<QualityResult> results, List<String> emptyDays) {
  public QualityReport {
    requireNonNull(runId, "runId is null");
    tables = List.copyOf(tables);
    results = List.copyOf(results);
    emptyDays = List.copyOf(emptyDays);
  }

  /** Whether any check failed, found a volume anomaly, or could not run. */
  public boolean hasProblems() {
    return results.stream().anyMatch(QualityResult::problem);
  }

  public long count(String status) {
    return results.stream().filter(r -> r.status().equals(status)).count();
  }
}
