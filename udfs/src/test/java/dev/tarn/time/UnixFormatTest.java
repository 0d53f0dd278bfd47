package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnixFormatTest {

  @Test
  void readsWholeSeconds() {
    assertThat(TimeFormat.of("unix").parseMicros("1594227346")).isEqualTo(1_594_227_346_000_000L);
  }

  @Test
  void readsFractionalSecondsExactly() {
    assertThat(TimeFormat.of("unix").parseMicros("1594227346.123456")).isEqualTo(1_594_227_346_123_456L);
    assertThat(TimeFormat.of("unix").parseMicros("1594227346.1")).isEqualTo(1_594_227_346_100_000L);
  }

  @Test
  void dropsDigitsBelowAMicrosecond() {
    assertThat(TimeFormat.of("unix").parseMicros("1594227346.1234567")).isEqualTo(1_594_227_346_123_456L);
  }

  @Test
  void readsExponentNotation() {
    assertThat(TimeFormat.of("unix").parseMicros("1.594227346123E9")).isEqualTo(1_594_227_346_123_000L);
  }

  @Test
  void readsNegativeValuesTowardsThePast() {
    assertThat(TimeFormat.of("unix").parseMicros("-1.5")).isEqualTo(-1_500_000L);
    assertThat(TimeFormat.of("unix_ns").parseMicros("-1")).isEqualTo(-1L);
  }

  @Test
  void readsMilliseconds() {
    assertThat(TimeFormat.of("unix_ms").parseMicros("1594227346123")).isEqualTo(1_594_227_346_123_000L);
    assertThat(TimeFormat.of("unix_ms").parseMicros("1594227346123.5")).isEqualTo(1_594_227_346_123_500L);
  }

  @Test
  void readsMicroseconds() {
    assertThat(TimeFormat.of("unix_us").parseMicros("1594227346123456")).isEqualTo(1_594_227_346_123_456L);
  }

  @Test
  void readsNanosecondsTruncatedToMicroseconds() {
    assertThat(TimeFormat.of("unix_ns").parseMicros("1594227346123456789")).isEqualTo(1_594_227_346_123_456L);
    assertThat(TimeFormat.of("unix_ns").parseMicros("1594227346123456789.0")).isEqualTo(1_594_227_346_123_456L);
  }

  @Test
  void rejectsNonNumbers() {
    assertThatThrownBy(() -> TimeFormat.of("unix").parseMicros("12:00"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessage("Invalid timestamp \"12:00\": expected unix seconds like 1594227346 or 1594227346.123456");
    assertThatThrownBy(() -> TimeFormat.of("unix_ms").parseMicros(".")).isInstanceOf(TimestampParseException.class);
    assertThatThrownBy(() -> TimeFormat.of("unix_ms").parseMicros("")).isInstanceOf(TimestampParseException.class);
  }

  @Test
  void rejectsValuesBeyondTheTimestampRange() {
    assertThatThrownBy(() -> TimeFormat.of("unix").parseMicros("99999999999999999"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageContaining("out of range");
  }
}
