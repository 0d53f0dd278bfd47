package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoLayoutTest {

  @Test
  void readsZoneAbbreviations() {
    TimeFormat format = TimeFormat.of("layout=2006-01-02 15:04:05 MST");

    assertThat(format.parseMicros("2020-04-15 22:51:24 UTC")).isEqualTo(Micros.of("2020-04-15T22:51:24Z"));
    assertThat(format.parseMicros("2020-04-15 15:51:24 PDT")).isEqualTo(Micros.of("2020-04-15T22:51:24Z"));
  }

  @Test
  void readsNumericOffsets() {
    assertThat(TimeFormat.of("layout=02/Jan/2006:15:04:05 -0700").parseMicros("10/Oct/2000:13:55:36 -0700"))
        .isEqualTo(Micros.of("2000-10-10T20:55:36Z"));
    assertThat(TimeFormat.of("layout=2006-01-02T15:04:05Z07:00").parseMicros("2000-10-10T20:55:36Z"))
        .isEqualTo(Micros.of("2000-10-10T20:55:36Z"));
  }

  @Test
  void readsRfc1123() {
    assertThat(TimeFormat.of("layout=Mon, 02 Jan 2006 15:04:05 MST").parseMicros("Thu, 17 Sep 2020 18:00:01 GMT"))
        .isEqualTo(Micros.of("2020-09-17T18:00:01Z"));
  }

  @Test
  void optionalFractionMayBeAbsentOrLong() {
    TimeFormat format = TimeFormat.of("layout=01/02/2006 15:04:05.999");

    assertThat(format.parseMicros("09/17/2020 18:00:01")).isEqualTo(Micros.of("2020-09-17T18:00:01Z"));
    assertThat(format.parseMicros("09/17/2020 18:00:01.123456")).isEqualTo(Micros.of("2020-09-17T18:00:01.123456Z"));
  }

  @Test
  void fixedFractionNeedsExactlyItsDigits() {
    TimeFormat format = TimeFormat.of("layout=15:04:05.000");

    assertThat(format.parseMicros("18:00:01.250")).isEqualTo(Micros.of("1970-01-01T18:00:01.25Z"));
    assertThatThrownBy(() -> format.parseMicros("18:00:01.25")).isInstanceOf(TimestampParseException.class);
  }

  @Test
  void acceptsAFractionAfterSecondsEvenWithoutOneInTheLayout() {
    assertThat(TimeFormat.of("layout=2006-01-02 15:04:05").parseMicros("2020-06-08 18:55:11.5"))
        .isEqualTo(Micros.of("2020-06-08T18:55:11.5Z"));
  }

  @Test
  void zeroPaddedTokensNeedTwoDigits() {
    assertThatThrownBy(() -> TimeFormat.of("layout=2006-01-02").parseMicros("2020-6-08"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageContaining("no match for 01 at offset 5");
  }

  @Test
  void unpaddedTokensTakeOneOrTwoDigits() {
    TimeFormat format = TimeFormat.of("layout=1/2/2006 3:4:5 PM");

    assertThat(format.parseMicros("6/8/2020 6:5:4 PM")).isEqualTo(Micros.of("2020-06-08T18:05:04Z"));
    assertThat(format.parseMicros("12/31/2020 11:59:59 AM")).isEqualTo(Micros.of("2020-12-31T11:59:59Z"));
  }

  @Test
  void readsSpacePaddedDaysAndLongNames() {
    assertThat(TimeFormat.of("layout=Monday January _2 2006").parseMicros("Tuesday September  1 2020"))
        .isEqualTo(Micros.of("2020-09-01T00:00:00Z"));
  }

  @Test
  void readsTwoDigitYearsAndDayOfYear() {
    assertThat(TimeFormat.of("layout=06 002").parseMicros("20 060")).isEqualTo(Micros.of("2020-02-29T00:00:00Z"));
  }

  @Test
  void treatsUnderscoreBeforeYearAsLiteral() {
    assertThat(TimeFormat.of("layout=x_2006").parseMicros("x_2020")).isEqualTo(Micros.of("2020-01-01T00:00:00Z"));
  }

  @Test
  void errorNamesTheLayout() {
    assertThatThrownBy(() -> TimeFormat.of("layout=2006-01-02").parseMicros("June 8"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageStartingWith("Invalid timestamp \"June 8\": expected Go layout 2006-01-02");
  }

  @Test
  void rejectsAnEmptyLayout() {
    assertThatThrownBy(() -> TimeFormat.of("layout="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Empty Go layout");
  }
}
