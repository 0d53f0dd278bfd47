package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeOffsetTest {

  @ParameterizedTest
  @CsvSource({
      "900, PT15M", "30 s, PT30S", "30sec, PT30S", "1 second, PT1S", "45 seconds, PT45S",
      "15m, PT15M", "15 min, PT15M", "1 minute, PT1M", "30 minutes, PT30M",
      "3h, PT3H", "96 hrs, PT96H", "1 hr, PT1H", "1 hour, PT1H", "6 hours, PT6H",
      "1d, PT24H", "1 day, PT24H", "6 days, PT144H",
      "1w, PT168H", "1 wk, PT168H", "1 week, PT168H", "2 weeks, PT336H",
      "'  2  HOURS ', PT2H", "1D, PT24H"})
  void parsesSecondsAndEveryUnitSpelling(String text, String expected) {
    assertThat(TimeOffset.parse(text)).contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "0 days", "-1 day", "1.5 h", "1 month", "1 year", "day", "1 d 2 h", "1fortnight",
      "99999999999999999999"})
  void rejectsAnythingElse(String text) {
    assertThat(TimeOffset.parse(text)).isEmpty();
  }
}
