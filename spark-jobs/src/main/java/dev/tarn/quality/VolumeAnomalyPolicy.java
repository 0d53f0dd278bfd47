package dev.tarn.quality;

/**
 * How a day's volume is judged against the days before it.
 *
 * @param historyDays how many days before the checked day form its history
 * @param minHistoryDays fewer recorded days than this: no judgement (a new table has no usual range yet)
 * @param deviationFactor the usual range is the history's mean ± this many standard deviations
 * @param minRelativeChange the usual range is at least the mean ± this fraction of it, so a very steady source
 *     (a heartbeat, standard deviation near 0) does not alarm on a change of a few events
 */
public record VolumeAnomalyPolicy(int historyDays, int minHistoryDays, double deviationFactor,
    double minRelativeChange) {
  /** Four weeks of history (so weekday/weekend rhythms are in it), a week at least, 3 σ, at least ±25%. */
  public static final VolumeAnomalyPolicy DEFAULT = new VolumeAnomalyPolicy(28, 7, 3.0, 0.25);

  public VolumeAnomalyPolicy {
    if (historyDays < 2) {
      throw new IllegalArgumentException("Invalid historyDays: " + historyDays + " (must be >= 2)");
    }
    if (minHistoryDays < 2 || minHistoryDays > historyDays) {
      throw new IllegalArgumentException("Invalid minHistoryDays: " + minHistoryDays + " (must be 2.." + historyDays
          + "; a standard deviation needs two days)");
    }
    if (!(deviationFactor > 0)) {
      throw new IllegalArgumentException("Invalid deviationFactor: " + deviationFactor + " (must be > 0)");
    }
    if (!(minRelativeChange >= 0)) {
      throw new IllegalArgumentException("Invalid minRelativeChange: " + minRelativeChange + " (must be >= 0)");
    }
  }
}
