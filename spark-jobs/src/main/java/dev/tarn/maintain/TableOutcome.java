package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What maintain did to one table.
 *
 * @param status {@code succeeded} or {@code failed} (as in job_runs)
 * @param message a one-line summary, or the failure
 * @param metrics files_compacted, files_added, partitions_optimized, rows_expired, bytes_expired, files_vacuumed,
 *     bytes_vacuumed, conflicts_retried, ...
 * @param plan in a dry run, what would be done, one line per action
 */
public record TableOutcome(TableRef table, String status, String message, Map<String, Long> metrics,
    List<String> plan) {
  public TableOutcome {
    requireNonNull(table, "table is null");
    requireNonNull(status, "status is null");
    requireNonNull(message, "message is null");
    metrics = Map.copyOf(metrics);
    plan = List.copyOf(plan);
  }

  public boolean failed() {
    return dev.tarn.lake.JobRun.FAILED.equals(status);
  }

  public long metric(String name) {
    return metrics.getOrDefault(name, 0L);
  }
}
