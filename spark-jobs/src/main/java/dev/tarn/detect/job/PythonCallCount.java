package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import dev.tarn.detect.pack.Detection;
import dev.tarn.logschema.LogSchema;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How much Python work the native conditions (InlineFilters and derived pre-filters) leave for a set of a table's rows:
 * the (event, Python rule) pairs that reach Python, out of all pairs. The detect job does not need it; benchmarks and
 * diagnostics do, to show what the pre-filters save. It evaluates the same plan the job runs, without calling Python.
 */
public final class PythonCallCount {
  private PythonCallCount() {}

  /**
   * @param events rows counted
   * @param rules enabled Python rules of the log type that loaded
   * @param calls (event, rule) pairs that reach Python
   * @param eventsToPython events with at least one such pair: each is rendered as JSON and becomes a PantherEvent
   */
  public record Count(long events, int rules, long calls, long eventsToPython) {
    public long pairs() {
      return events * rules;
    }

    public long avoided() {
      return pairs() - calls;
    }
  }

  /**
   * Counts for {@code rows} of the log type {@code schema}, with the rules {@code job} loaded; {@code prefilters}
   * chooses whether derived pre-filters take part (InlineFilters always do, as in the job).
   */
  public static Count of(DetectJob job, LogSchema schema, Dataset<Row> rows, boolean prefilters) {
    requireNonNull(job, "job is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(rows, "rows is null");
    List<Detection> python = job.rulesByLogType(null).getOrDefault(schema.name(), List.of()).stream()
        .filter(d -> !d.isSimple()).toList();
    DetectionPlan plan = new DetectionPlan(python, new PackConditions(prefilters));
    Row totals = plan.candidates(rows, EventShape.of(schema, rows.schema()))
        .where(size(col(DetectionPlan.PYTHON_COLUMN)).gt(0))
        .agg(coalesce(sum(size(col(DetectionPlan.PYTHON_COLUMN))), lit(0L)), count(lit(1))).first();
    long events = rows.agg(count(lit(1))).first().getLong(0);
    return new Count(events, python.size(), totals.getLong(0), totals.getLong(1));
  }
}
