package dev.tarn.detect.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ExpiryTest {

  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final SettableClock clock = new SettableClock(NOW);
  private final long now = NOW.getEpochSecond();

  @Test
  void nullIsNinetyDaysFromNow() {
    assertThat(Expiry.resolve(null, clock)).isEqualTo(now + 90L * 24 * 3600);
  }

  @Test
  void valuesBelowOneBillionAreSecondsFromNow() {
    assertThat(Expiry.resolve(3600L, clock)).isEqualTo(now + 3600);
    assertThat(Expiry.resolve(999_999_999L, clock)).isEqualTo(now + 999_999_999L);
  }

  @Test
  void valuesFromOneBillionAreUnixTimes() {
    assertThat(Expiry.resolve(1_000_000_000L, clock)).isEqualTo(1_000_000_000L);
    assertThat(Expiry.resolve(now + 5, clock)).isEqualTo(now + 5);
  }

  @Test
  void keepResolvesToNothing() {
    assertThat(Expiry.keep().resolve(clock)).isEqualTo(OptionalLong.empty());
  }

  @Test
  void theDefaultTtlResolvesLikeNull() {
    assertThat(Expiry.defaultTtl().resolve(clock)).hasValue(Expiry.resolve(null, clock));
  }

  @Test
  void anItemIsExpiredFromItsExpirySecondOn() {
    assertThat(Expiry.isExpired(now + 1, now)).isFalse();
    assertThat(Expiry.isExpired(now, now)).isTrue();
    assertThat(Expiry.isExpired(null, now)).isFalse();
  }

  @Test
  void keepWithSecondsIsRejected() {
    assertThatThrownBy(() -> new Expiry(true, 5L)).isInstanceOf(IllegalArgumentException.class);
  }
}
