package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.anomalydetection.AnomalyDetector;
import com.amazon.deequ.anomalydetection.BatchNormalStrategy;
import com.amazon.deequ.anomalydetection.DataPoint;
import com.amazon.deequ.anomalydetection.DetectionResult;
import dev.tarn.classify.StandardColumns;
import dev.tarn.lake.Lake;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import scala.Option;

/**
 * Daily volume anomalies per table, from the row counts ({@code Size}) the quality job records in the table's Deequ
 * metrics repository ({@link MetricsHistory}).
 *
 * <p>Strategy: Deequ's {@link BatchNormalStrategy} over the days before the checked day (excluded from its own
 * statistics), flagging a volume outside mean ± 3 σ. Chosen over the alternatives because:
 * <ul>
 *   <li>{@code RelativeRateOfChangeStrategy} compares with the previous day only: human-driven logs (Okta, GSuite)
 *       drop by more than half every weekend and would alarm every Saturday, and again on the recovery after any
 *       drop;</li>
 *   <li>{@code OnlineNormalStrategy} includes the checked value in its own running mean and deviation; with 10 days
 *       and 3 σ a single outlier can never be flagged (its z-score is at most (n-1)/√n ≈ 2.85).</li>
 * </ul>
 * Four weeks of history put weekly rhythms inside the range. The range is widened to at least ±25% of the mean
 * ({@link VolumeAnomalyPolicy#minRelativeChange}) because a very regular source has a deviation near 0.
 *
 * <p>Deequ's own anomaly check inside a verification run is not used: it yields pass/fail without the range, needs
 * the day's data rescanned, and refuses to re-check a day once later days are in the repository.
 */
public final class VolumeAnomalies {
  private VolumeAnomalies() {}

  /** {@link #check(SparkSession, Lake, String, LocalDate, VolumeAnomalyPolicy)} with the default policy. */
  public static VolumeAnomaly check(SparkSession spark, Lake lake, String table, LocalDate date) {
    return check(spark, lake, table, date, VolumeAnomalyPolicy.DEFAULT);
  }

  /**
   * Judges one completed day of {@code table} ({@code database.table}); a day still in progress has only part of
   * its volume and reads as a drop. The day's volume is the one the quality job recorded, else the partition's
   * current row count; its history is what the quality job recorded for the days before.
   */
  public static VolumeAnomaly check(SparkSession spark, Lake lake, String table, LocalDate date,
      VolumeAnomalyPolicy policy) {
    requireNonNull(date, "date is null");
    SortedMap<LocalDate, Long> sizes = new MetricsHistory(spark, lake, table).dailySizes();
    Long recorded = sizes.get(date);
    long volume = recorded != null ? recorded
        : spark.table(table).where(functions.col(StandardColumns.DATE).equalTo(functions.lit(date))).count();
    return judge(table, date, volume, sizes.subMap(date.minusDays(policy.historyDays()), date), policy);
  }

  /** Judges {@code volume} on {@code date} against the given earlier days' volumes. */
  static VolumeAnomaly judge(String table, LocalDate date, long volume, Map<LocalDate, Long> history,
      VolumeAnomalyPolicy policy) {
    if (history.size() < policy.minHistoryDays()) {
      return new VolumeAnomaly(table, date, volume, null, null, history.size(),
          VolumeAnomaly.Status.INSUFFICIENT_HISTORY, "volume " + volume + "; " + history.size()
              + " earlier days recorded, " + policy.minHistoryDays() + " needed for a usual range");
    }
    List<DataPoint<Object>> points = new ArrayList<>();
    history.forEach((day, size) -> points.add(point(day, size)));
    double k = policy.deviationFactor();
    DetectionResult detected = new AnomalyDetector(new BatchNormalStrategy(Option.apply(k), Option.apply(k), false))
        .isNewPointAnomalous(DeequInterop.seq(points), point(date, volume));
    boolean outsideDeviation = !detected.anomalies().isEmpty();

    // The same mean and (sample) deviation BatchNormalStrategy computes, to report the range it used.
    double mean = history.values().stream().mapToLong(Long::longValue).average().orElse(0);
    double squares = history.values().stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double deviation = Math.sqrt(squares / (history.size() - 1));
    double tolerance = policy.minRelativeChange() * mean;
    double min = Math.max(0, Math.min(mean - k * deviation, mean - tolerance));
    double max = Math.max(mean + k * deviation, mean + tolerance);
    boolean anomalous = outsideDeviation && Math.abs(volume - mean) > tolerance;
    String range = String.format(java.util.Locale.ROOT, "%.0f..%.0f (mean %.0f over %d days)", min, max, mean,
        history.size());
    return new VolumeAnomaly(table, date, volume, min, max, history.size(),
        anomalous ? VolumeAnomaly.Status.ANOMALY : VolumeAnomaly.Status.NORMAL,
        "volume " + volume + (anomalous ? " outside" : " within") + " the usual range " + range);
  }

  private static DataPoint<Object> point(LocalDate day, long size) {
    return new DataPoint<>(MetricsHistory.millis(day), Option.apply((Object) (double) size));
  }
}
