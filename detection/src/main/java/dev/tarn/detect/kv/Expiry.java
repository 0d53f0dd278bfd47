package dev.tarn.detect.kv;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * How a write sets an item's expiry, with {@code panther_detection_helpers.caching}'s rules: an {@code epochSeconds}
 * below 1e9 counts from now, one at or above it is a Unix time, and null means 90 days from now. {@link #keep()} is
 * what Panther's {@code add_to_string_set}, {@code remove_from_string_set} and {@code increment_counter} do when
 * called with {@code epoch_seconds=None}: the write leaves the expiry as it is (a new item then never expires).
 *
 * @param keepCurrent true when the write leaves the expiry as it is
 * @param epochSeconds Panther's {@code epoch_seconds}; null with {@code keepCurrent} false means the 90-day default
 */
public record Expiry(boolean keepCurrent, Long epochSeconds) {

  /** Panther's {@code _EPOCH_SECONDS_DELTA_DEFAULT}. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(90);

  /** Values below this are seconds from now, not a Unix time. */
  public static final long RELATIVE_BELOW = 1_000_000_000L;

  public Expiry {
    if (keepCurrent && epochSeconds != null) {
      throw new IllegalArgumentException(
          "Invalid expiry: keepCurrent with epochSeconds " + epochSeconds + " (use Expiry.keep() or Expiry.of(...))");
    }
  }

  /** The write leaves the expiry as it is. */
  public static Expiry keep() {
    return new Expiry(true, null);
  }

  /** Panther's {@code epoch_seconds}: relative below 1e9, absolute otherwise, null for 90 days. */
  public static Expiry of(Long epochSeconds) {
    return new Expiry(false, epochSeconds);
  }

  /** 90 days from the time of the write. */
  public static Expiry defaultTtl() {
    return of(null);
  }

  /** The Unix time this write sets, or empty when it keeps the current expiry. */
  public OptionalLong resolve(Clock clock) {
    return keepCurrent ? OptionalLong.empty() : OptionalLong.of(resolve(epochSeconds, clock));
  }

  /** Panther's {@code _finalize_epoch_seconds}: the Unix time meant by {@code epochSeconds}. */
  public static long resolve(Long epochSeconds, Clock clock) {
    long now = nowSeconds(clock);
    if (epochSeconds == null) {
      return now + DEFAULT_TTL.toSeconds();
    }
    return epochSeconds < RELATIVE_BELOW ? now + epochSeconds : epochSeconds;
  }

  /** Whether an item expiring at {@code expiresAt} (null: never) is gone at {@code now}; Panther's ttl_expired. */
  static boolean isExpired(Long expiresAt, long now) {
    return expiresAt != null && expiresAt <= now;
  }

  static long nowSeconds(Clock clock) {
    return clock.instant().getEpochSecond();
  }
}
