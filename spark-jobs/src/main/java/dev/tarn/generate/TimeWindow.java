package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/** The time range one log type's events cover: background events are spread over it, scenarios land in it. */
public record TimeWindow(Instant start, Duration span) {
  public TimeWindow {
    requireNonNull(start, "start is null");
    requireNonNull(span, "span is null");
    if (span.isNegative() || span.isZero()) {
      throw new IllegalArgumentException("Invalid time window span: " + span + " (must be > 0)");
    }
  }

  /** The instant at {@code fraction} (0 = start, 1 = end) of the window. */
  public Instant at(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("Invalid window fraction: " + fraction + " (must be in [0, 1])");
    }
    return start.plusNanos((long) (span.toNanos() * fraction));
  }
}
