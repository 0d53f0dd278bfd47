package dev.tarn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
  private static final Instant NOW = Instant.parse("2024-06-10T12:00:00Z");

  @Test
  void readsDatesAsMidnightUtc() {
    TimeRange range = TimeRange.parse("2024-06-01", "2024-06-02", NOW);

    assertThat(range).isEqualTo(new TimeRange(Instant.parse("2024-06-01T00:00:00Z"),
        Instant.parse("2024-06-02T00:00:00Z")));
    assertThat(range.firstDate()).isEqualTo(LocalDate.parse("2024-06-01"));
    assertThat(range.lastDate()).isEqualTo(LocalDate.parse("2024-06-01"));
  }

  @Test
  void readsInstants() {
    TimeRange range = TimeRange.parse("2024-06-01T23:00:00Z", "2024-06-02T01:00:00Z", NOW);

    assertThat(range.firstDate()).isEqualTo(LocalDate.parse("2024-06-01"));
    assertThat(range.lastDate()).isEqualTo(LocalDate.parse("2024-06-02"));
  }

  @Test
  void defaultsToTheSevenDaysBeforeNow() {
    assertThat(TimeRange.parse(null, null, NOW))
        .isEqualTo(new TimeRange(Instant.parse("2024-06-03T12:00:00Z"), NOW));
  }

  @Test
  void rejectsFromAfterTo() {
    assertThatThrownBy(() -> TimeRange.parse("2024-06-02", "2024-06-01", NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--from 2024-06-02T00:00:00Z is not before --to 2024-06-01T00:00:00Z");
  }

  @Test
  void rejectsAnUnparseableTime() {
    assertThatThrownBy(() -> TimeRange.parse("yesterday", null, NOW))
        .hasMessageContaining("--from 'yesterday' is not a time (use ISO-8601");
  }
}
