package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Background event times: the i-th event falls at a random point of the i-th slot of {@code spacingNanos},
 * so times increase, look irregular, and keep the requested average rate.
 */
final class Timeline {
  private final Instant start;
  private final long spacingNanos;
  private final SplittableRandom random;
  private long index;

  Timeline(Instant start, long spacingNanos, SplittableRandom random) {
    this.start = requireNonNull(start, "start is null");
    if (spacingNanos < 1) {
      throw new IllegalArgumentException("Invalid event spacing: " + spacingNanos + " ns (must be >= 1)");
    }
    this.spacingNanos = spacingNanos;
    this.random = requireNonNull(random, "random is null");
  }

  Instant next() {
    long offset = index * spacingNanos + random.nextLong(spacingNanos);
    index++;
    return start.plusNanos(offset);
  }
}
