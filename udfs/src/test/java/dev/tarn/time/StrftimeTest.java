package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrftimeTest {

  @Test
  void readsApacheAccessLogTimes() {
    TimeFormat format = TimeFormat.of("%d/%b/%Y:%H:%M:%S %z");

    assertThat(format.parseMicros("10/Oct/2000:13:55:36 -0700")).isEqualTo(Micros.of("2000-10-10T20:55:36Z"));
  }

  @Test
  void readsZoneAbbreviations() {
    TimeFormat format = TimeFormat.of("%a %b %d %H:%M:%S %Y %Z");

    assertThat(format.parseMicros("Tue Sep 29 18:58:48 2020 UTC")).isEqualTo(Micros.of("2020-09-29T18:58:48Z"));
    assertThat(format.parseMicros("Tue Sep 29 10:58:48 2020 PST")).isEqualTo(Micros.of("2020-09-29T18:58:48Z"));
  }

  @Test
  void countsUnknownZoneAbbreviationsAsUtc() {
    assertThat(TimeFormat.of("%H:%M %Z").parseMicros("10:00 XYZT")).isEqualTo(Micros.of("1970-01-01T10:00:00Z"));
  }

  @Test
  void readsOffsetsWithColonOrZ() {
    TimeFormat format = TimeFormat.of("%Y-%m-%dT%H:%M:%S%z");

    assertThat(format.parseMicros("2020-01-01T05:30:00+05:30")).isEqualTo(Micros.of("2020-01-01T00:00:00Z"));
    assertThat(format.parseMicros("2020-01-01T00:00:00Z")).isEqualTo(Micros.of("2020-01-01T00:00:00Z"));
  }

  @Test
  void defaultsToUtcWithoutAZone() {
    assertThat(TimeFormat.of("%Y-%m-%d %H:%M:%S").parseMicros("2020-06-08 18:55:11"))
        .isEqualTo(Micros.of("2020-06-08T18:55:11Z"));
  }

  @Test
  void readsFractionsOfAnyLength() {
    TimeFormat format = TimeFormat.of("%Y-%m-%d %H:%M:%S.%f");

    assertThat(format.parseMicros("2014-10-13 16:33:54.0")).isEqualTo(Micros.of("2014-10-13T16:33:54Z"));
    assertThat(format.parseMicros("2014-10-13 16:33:54.123456789")).isEqualTo(Micros.of("2014-10-13T16:33:54.123456Z"));
  }

  @Test
  void readsTwelveHourClockWithAmPm() {
    TimeFormat format = TimeFormat.of("%m/%d/%Y %I:%M:%S %p");

    assertThat(format.parseMicros("01/02/2020 12:15:00 AM")).isEqualTo(Micros.of("2020-01-02T00:15:00Z"));
    assertThat(format.parseMicros("01/02/2020 01:15:00 pm")).isEqualTo(Micros.of("2020-01-02T13:15:00Z"));
  }

  @Test
  void readsCompositeDirectives() {
    assertThat(TimeFormat.of("%F %T").parseMicros("2020-06-08 18:55:11")).isEqualTo(Micros.of("2020-06-08T18:55:11Z"));
    assertThat(TimeFormat.of("%D").parseMicros("06/08/20")).isEqualTo(Micros.of("2020-06-08T00:00:00Z"));
  }

  @Test
  void readsTwoDigitYearsAroundNineteenSixtyNine() {
    assertThat(TimeFormat.of("%y").parseMicros("68")).isEqualTo(Micros.of("2068-01-01T00:00:00Z"));
    assertThat(TimeFormat.of("%y").parseMicros("69")).isEqualTo(Micros.of("1969-01-01T00:00:00Z"));
  }

  @Test
  void readsDayOfYear() {
    assertThat(TimeFormat.of("%Y %j").parseMicros("2020 060")).isEqualTo(Micros.of("2020-02-29T00:00:00Z"));
  }

  @Test
  void readsSpacePaddedDaysAndFullNames() {
    assertThat(TimeFormat.of("%A, %B %e %Y").parseMicros("Tuesday, September  1 2020"))
        .isEqualTo(Micros.of("2020-09-01T00:00:00Z"));
  }

  @Test
  void readsEpochSeconds() {
    assertThat(TimeFormat.of("%s").parseMicros("1594227346")).isEqualTo(1_594_227_346_000_000L);
  }

  @Test
  void readsPercentLiterals() {
    assertThat(TimeFormat.of("%Y%%%m").parseMicros("2020%06")).isEqualTo(Micros.of("2020-06-01T00:00:00Z"));
  }

  @Test
  void errorSaysWhereTheTextStoppedMatching() {
    assertThatThrownBy(() -> TimeFormat.of("%d/%b/%Y").parseMicros("10/Foo/2000"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessage(
            "Invalid timestamp \"10/Foo/2000\": expected strftime pattern %d/%b/%Y (no match for %b at offset 3)");
  }

  @Test
  void rejectsTrailingText() {
    assertThatThrownBy(() -> TimeFormat.of("%Y-%m-%d").parseMicros("2020-06-08T00"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageContaining("unexpected text at offset 10");
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> TimeFormat.of("%Y-%m-%d").parseMicros("2021-02-29"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageContaining("no such date 2021-02-29");
  }

  @Test
  void rejectsUnsupportedDirectivesWhenCompiled() {
    assertThatThrownBy(() -> TimeFormat.of("%Y %Q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"%Q\"")
        .hasMessageContaining("\"%Y %Q\"");
  }
}
