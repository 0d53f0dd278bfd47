package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

  private static final RateSchedule HOURLY = new RateSchedule(60);

  @Test
  void hourlyRateRunsOnTheHour() {
    assertThat(HOURLY.next(Instant.parse("2024-10-10T12:34:56Z"))).isEqualTo(Instant.parse("2024-10-10T13:00:00Z"));
    assertThat(HOURLY.previous(Instant.parse("2024-10-10T12:34:56Z")))
        .isEqualTo(Instant.parse("2024-10-10T12:00:00Z"));
  }

  @Test
  void dailyRateRunsAtMidnightUtc() {
    assertThat(new RateSchedule(1440).next(Instant.parse("2024-10-10T12:00:00Z")))
        .isEqualTo(Instant.parse("2024-10-11T00:00:00Z"));
  }

  @Test
  void rateNotDividingADayStaysOnMultiplesSinceTheEpoch() {
    assertThat(new RateSchedule(7).previous(Instant.parse("2024-01-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-31T23:54:00Z"));
  }

  @Test
  void thirtyDayRateIsAlignedToTheEpochNotToMonths() {
    RateSchedule monthly = new RateSchedule(43200);
    assertThat(monthly.previous(Instant.parse("2024-01-01T00:00:00Z")))
        .isEqualTo(Instant.parse("2023-12-19T00:00:00Z"));
    assertThat(monthly.next(Instant.parse("2024-01-01T00:00:00Z"))).isEqualTo(Instant.parse("2024-01-18T00:00:00Z"));
  }

  @Test
  void nextIsStrictlyAfterASlotAndPreviousIncludesIt() {
    Instant slot = Instant.parse("2024-10-10T13:00:00Z");
    assertThat(HOURLY.next(slot)).isEqualTo(Instant.parse("2024-10-10T14:00:00Z"));
    assertThat(HOURLY.previous(slot)).isEqualTo(slot);
  }

  @Test
  void slotsBeforeTheEpochStayAligned() {
    assertThat(HOURLY.previous(Instant.parse("1969-12-31T23:30:00Z"))).isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
  }

  @Test
  void windowIsOneRateBeforeTheScheduledTime() {
    assertThat(new RateSchedule(30).window(Instant.parse("2024-10-10T13:00:00Z")))
        .isEqualTo(new RunWindow(Instant.parse("2024-10-10T12:30:00Z"), Instant.parse("2024-10-10T13:00:00Z")));
  }

  @Test
  void nonPositiveRateIsRejected() {
    assertThatThrownBy(() -> new RateSchedule(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid RateMinutes: 0 (must be >= 1)");
  }
}
