package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a run-once invocation (one Airflow task, one EMR step) should execute, given when the query last ran.
 *
 * <p>Catch-up policy: of all slots that fell due since the last run, only the latest runs, once; the earlier ones are
 * skipped and reported here. Each run reads its own lookback ({@code p_occurs_since}) up to its scheduled time, so
 * replaying every missed slot after an outage would send a burst of alerts about stale windows and multiply the
 * outage's cost. The events of the skipped windows are therefore not queried: re-run those slots on purpose (a
 * backfill) if they matter.
 *
 * @param due the slot to run now, if any
 * @param skipped the missed slots that will not run, if any
 */
public record CatchUp(Optional<Instant> due, Optional<Skipped> skipped) {

  /**
   * Slots that fell due but will not run.
   *
   * @param first the earliest skipped slot
   * @param last the latest skipped slot (the one just before {@code due})
   * @param count how many slots were skipped; a lower bound when {@code countIsLowerBound} (counting cron slots over a
   *     long outage is cut off at {@link QuerySchedule#MAX_COUNTED_SLOTS})
   */
  public record Skipped(Instant first, Instant last, long count, boolean countIsLowerBound) {

    public Skipped {
      requireNonNull(first, "first is null");
      requireNonNull(last, "last is null");
      if (count < 1) {
        throw new IllegalArgumentException("Invalid skipped count: " + count + " (must be >= 1)");
      }
    }
  }

  public CatchUp {
    requireNonNull(due, "due is null");
    requireNonNull(skipped, "skipped is null");
    if (due.isEmpty() && skipped.isPresent()) {
      throw new IllegalArgumentException("Slots can only be skipped in favour of a due slot");
    }
  }

  static CatchUp nothingDue() {
    return new CatchUp(Optional.empty(), Optional.empty());
  }

  /** The slots to execute: empty or the one due slot. */
  public List<Instant> runs() {
    return due.map(List::of).orElse(List.of());
  }
}
