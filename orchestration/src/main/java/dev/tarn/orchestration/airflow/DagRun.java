package dev.tarn.orchestration.airflow;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DAG run as Airflow's REST API returns it. Times are kept as Airflow's ISO-8601 text; {@code logicalDate} falls
 * back to {@code execution_date} for Airflow versions before 2.2.
 */
public record DagRun(String dagRunId, String dagId, String state, String logicalDate, String startDate,
    String endDate, Map<String, Object> conf) {

  public DagRun {
    requireNonNull(dagRunId, "dagRunId is null");
    requireNonNull(dagId, "dagId is null");
    requireNonNull(state, "state is null");
    conf = conf == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(conf));
  }

  /** Whether Airflow will change the run's state no more: success or failed. */
  public boolean finished() {
    return state.equals("success") || state.equals("failed");
  }

  public boolean succeeded() {
    return state.equals("success");
  }
}
