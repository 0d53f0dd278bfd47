package dev.tarn.alerts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again. Panther re-sends up to 10 times with a delay uniform in [30 s, 300 s); Tarn
 * keeps those bounds and grows the ceiling exponentially (30 s, 60 s, 120 s, 240 s, then 300 s) with full jitter
 * above the floor, so a destination that is briefly down is retried soon and one that stays down is not hammered.
 *
 * @param maxAttempts attempts in all, the first included
 */
public record RetryPolicy(int maxAttempts, Duration minDelay, Duration maxDelay) {
  public static final RetryPolicy PANTHER = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofSeconds(300));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("Invalid delivery maxAttempts: " + maxAttempts + " (must be >= 1)");
    }
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException("Invalid delivery retry delays: min " + minDelay + ", max " + maxDelay
          + " (need 0 <= min <= max)");
    }
  }

  /**
   * The time of the next attempt after {@code attemptsMade} failed ones, or empty when none is left (dead letter).
   */
  public Optional<Instant> next(int attemptsMade, Instant now, RandomGenerator random) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    long min = minDelay.toMillis();
    long ceiling = min;
    for (int i = 1; i < attemptsMade && ceiling < maxDelay.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(Math.max(ceiling, min), maxDelay.toMillis());
    long delay = ceiling == min ? min : random.nextLong(min, ceiling + 1);
    return Optional.of(now.plusMillis(delay));
  }
}
