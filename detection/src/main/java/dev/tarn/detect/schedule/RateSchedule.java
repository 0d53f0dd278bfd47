package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code RateMinutes}: a run every {@code rateMinutes}, on multiples of the rate since the Unix epoch (UTC), so a
 * 60-minute rate runs on the hour and a 1440-minute rate at midnight UTC, whenever the schedule was created.
 */
public record RateSchedule(int rateMinutes) implements QuerySchedule {

  public RateSchedule {
    if (rateMinutes < 1) {
      throw new IllegalArgumentException("Invalid RateMinutes: " + rateMinutes + " (must be >= 1)");
    }
  }

  public Duration rate() {
    return Duration.ofMinutes(rateMinutes);
  }

  @Override
  public Instant next(Instant after) {
    requireNonNull(after, "after is null");
    return previous(after).plus(rate());
  }

  @Override
  public Instant previous(Instant atOrBefore) {
    requireNonNull(atOrBefore, "atOrBefore is null");
    long rateSeconds = rate().toSeconds();
    // floorDiv keeps slots aligned before 1970 too.
    return Instant.ofEpochSecond(Math.floorDiv(atOrBefore.getEpochSecond(), rateSeconds) * rateSeconds);
  }

  /** Counted exactly: rate slots are evenly spaced. */
  @Override
  public CatchUp.Skipped skipped(Instant first, Instant last) {
    long count = Duration.between(first, last).toSeconds() / rate().toSeconds() + 1;
    return new CatchUp.Skipped(first, last, count, false);
  }
}
