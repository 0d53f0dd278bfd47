package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One row of {@code tarn_system.quality_results}: the outcome of one check on one table's day.
 *
 * @param table {@code database.table}
 * @param date the checked partition ({@code p_date})
 * @param check Tarn's name for the check ({@code p_row_id unique}, {@code volume anomaly})
 * @param constraint what Deequ evaluated (its constraint, or the anomaly strategy)
 * @param status {@link #PASSED}, {@link #FAILED}, {@link #SKIPPED} or {@link #ERROR}
 * @param message why it failed, was skipped or errored (Deequ's message), or the volume and its usual range
 * @param metricValue the metric the constraint judged (completeness, uniqueness, compliance fraction; the day's
 *     volume for the anomaly check), null when none was computed
 * @param expectedMin for the anomaly check: the usual range's lower end, else null
 * @param expectedMax for the anomaly check: the usual range's upper end, else null
 */
public record QualityResult(String table, LocalDate date, String check, String constraint, String status,
    String message, Double metricValue, Double expectedMin, Double expectedMax) {
  public static final String PASSED = "passed";
  public static final String FAILED = "failed";
  /** The check does not apply (no log type for the table, too little volume history, a day still in progress). */
  public static final String SKIPPED = "skipped";
  /** The check could not run (the table could not be read); the message says why. */
  public static final String ERROR = "error";

  public QualityResult {
    requireNonNull(table, "table is null");
    requireNonNull(date, "date is null");
    requireNonNull(check, "check is null");
    requireNonNull(status, "status is null");
  }

  /** Whether this result should make the run (and the command) report a problem. */
  public boolean problem() {
    return status.equals(FAILED) || status.equals(ERROR);
  }

  Row toRow(String runId, Instant time) {
    return RowFactory.create(table, Date.valueOf(date), check, constraint, status, message, metricValue,
        expectedMin, expectedMax, runId, Timestamp.from(time));
  }
}
