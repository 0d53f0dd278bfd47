package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void writesWholeSecondsWithoutFraction() {
    assertThat(Timestamps.formatRfc3339Micros(Micros.of("2020-09-17T18:00:00Z"))).isEqualTo("2020-09-17T18:00:00Z");
  }

  @Test
  void writesOnlyTheFractionDigitsNeeded() {
    assertThat(Timestamps.formatRfc3339Micros(Micros.of("2020-09-17T18:49:46.194526Z")))
        .isEqualTo("2020-09-17T18:49:46.194526Z");
    assertThat(Timestamps.formatRfc3339Micros(Micros.of("2020-09-17T18:49:46.5Z")))
        .isEqualTo("2020-09-17T18:49:46.5Z");
  }

  @Test
  void writesTimesBeforeTheEpoch() {
    assertThat(Timestamps.formatRfc3339Micros(-1L)).isEqualTo("1969-12-31T23:59:59.999999Z");
    assertThat(Timestamps.formatRfc3339Micros(Micros.of("0001-01-01T00:00:00Z"))).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void readsBackWhatItWrites() {
    TimeFormat rfc3339 = TimeFormat.of("rfc3339");
    long[] samples = {0L, 1L, -1L, 951_782_400_000_000L, 253_402_300_799_999_999L, Micros.of("1600-02-29T12:00:00Z")};

    for (long micros : samples) {
      assertThat(rfc3339.parseMicros(Timestamps.formatRfc3339Micros(micros))).isEqualTo(micros);
    }
  }

  @Test
  void fallsBackToExpandedYearsOutsideRfc3339() {
    assertThat(Timestamps.formatRfc3339Micros(Micros.of("+10000-01-01T00:00:00Z"))).isEqualTo("+10000-01-01T00:00:00Z");
  }
}
