package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339FormatTest {
  private final TimeFormat rfc3339 = TimeFormat.of("rfc3339");

  @Test
  void parsesUtcSeconds() {
    assertThat(rfc3339.parseMicros("2020-07-27T16:32:20Z")).isEqualTo(Micros.of("2020-07-27T16:32:20Z"));
  }

  @Test
  void truncatesNanosecondsToMicroseconds() {
    assertThat(rfc3339.parseMicros("2020-09-17T18:49:46.194526741Z"))
        .isEqualTo(Micros.of("2020-09-17T18:49:46.194526Z"));
  }

  @Test
  void acceptsAnyNumberOfFractionDigits() {
    assertThat(rfc3339.parseMicros("2020-01-01T00:00:00.5Z")).isEqualTo(Micros.of("2020-01-01T00:00:00.500Z"));
    assertThat(rfc3339.parseMicros("2020-01-01T00:00:00.123456789012Z"))
        .isEqualTo(Micros.of("2020-01-01T00:00:00.123456Z"));
  }

  @Test
  void appliesOffsets() {
    assertThat(rfc3339.parseMicros("2020-07-27T18:32:20+02:00")).isEqualTo(Micros.of("2020-07-27T16:32:20Z"));
    assertThat(rfc3339.parseMicros("2020-07-27T09:02:20.25-07:30"))
        .isEqualTo(Micros.of("2020-07-27T16:32:20.25Z"));
  }

  @Test
  void acceptsCommonLenientSpellings() {
    long expected = Micros.of("2020-07-27T16:32:20Z");

    assertThat(rfc3339.parseMicros("2020-07-27t16:32:20z")).isEqualTo(expected);
    assertThat(rfc3339.parseMicros("2020-07-27 16:32:20Z")).isEqualTo(expected);
    assertThat(rfc3339.parseMicros("2020-07-27T18:32:20+0200")).isEqualTo(expected);
    assertThat(rfc3339.parseMicros("  2020-07-27T16:32:20Z\n")).isEqualTo(expected);
  }

  @Test
  void handlesTimesBeforeTheEpoch() {
    assertThat(rfc3339.parseMicros("1969-12-31T23:59:59.999999Z")).isEqualTo(-1L);
  }

  @Test
  void handlesLeapDays() {
    assertThat(rfc3339.parseMicros("2020-02-29T00:00:00Z")).isEqualTo(Micros.of("2020-02-29T00:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2020-07-27T16:32:20",
        "2020-07-27",
        "2020-07-27T16:32Z",
        "2020-13-01T00:00:00Z",
        "2021-02-29T00:00:00Z",
        "2020-07-27T24:00:00Z",
        "2020-07-27T16:60:00Z",
        "2020-07-27T16:32:60Z",
        "2020-07-27T16:32:20.Z",
        "2020-07-27T16:32:20+02:",
        "2020-07-27T16:32:20+2:00",
        "2020-07-27T16:32:20+24:00",
        "2020-07-27T16:32:20ZZ",
        "2020-07-27X16:32:20Z",
        "20a0-07-27T16:32:20Z",
        "1594227346"
      })
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> rfc3339.parseMicros(text)).isInstanceOf(TimestampParseException.class);
  }

  @Test
  void errorNamesTheTextAndTheFormat() {
    assertThatThrownBy(() -> rfc3339.parseMicros("yesterday"))
        .isInstanceOf(java.time.DateTimeException.class)
        .hasMessage(
            "Invalid timestamp \"yesterday\": expected RFC 3339 like 2006-01-02T15:04:05.999999999Z07:00");
  }
}
