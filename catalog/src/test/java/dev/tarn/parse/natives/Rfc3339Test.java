package dev.tarn.parse.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class Rfc3339Test {

  @Test
  void readsCommonLogFormatTimesWithOneDigitDaysAndNoSpaceBeforeTheOffset() throws Exception {
    assertThat(Rfc3339.fromCommonLogFormat("time", "2/Jan/2006:15:04:05-0700")).isEqualTo("2006-01-02T22:04:05Z");
  }

  @Test
  void readsMonthNamesInAnyCase() throws Exception {
    assertThat(Rfc3339.fromCommonLogFormat("time", "06/FEB/2019:00:00:38 +0130")).isEqualTo("2019-02-05T22:30:38Z");
  }

  @Test
  void rejectsAnImpossibleDate() {
    assertThatThrownBy(() -> Rfc3339.fromCommonLogFormat("time", "31/Feb/2019:00:00:38 +0000"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid time '31/Feb/2019:00:00:38 +0000' (expected dd/MMM/yyyy:HH:mm:ss +hhmm)");
  }

  @Test
  void rejectsTrailingText() {
    assertThatThrownBy(() -> Rfc3339.fromCommonLogFormat("time", "06/Feb/2019:00:00:38 +0000x"))
        .isInstanceOf(RecordRejectedException.class);
  }

  @Test
  void writesFractionsOnlyWhenNotZero() throws Exception {
    assertThat(Rfc3339.fromRfc3339("t", "2020-07-27T18:32:20.000+02:00")).isEqualTo("2020-07-27T16:32:20Z");
    assertThat(Rfc3339.fromRfc3339("t", "2020-07-27T16:32:20.5Z")).isEqualTo("2020-07-27T16:32:20.500Z");
  }

  @Test
  void convertsUnixSeconds() throws Exception {
    assertThat(Rfc3339.fromUnixSeconds("start", "1595867540")).isEqualTo("2020-07-27T16:32:20Z");
  }

  @Test
  void keepsNanosecondsAndConvertsOffsets() throws Exception {
    assertThat(Rfc3339.fromRfc3339("t", "2020-07-27t10:02:20.123456789-06:30"))
        .isEqualTo("2020-07-27T16:32:20.123456789Z");
  }

  @Test
  void rejectsAnRfc3339TimeWithoutOffset() {
    assertThatThrownBy(() -> Rfc3339.fromRfc3339("timestamp", "2020-07-27T16:32:20"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid timestamp '2020-07-27T16:32:20' (expected an RFC 3339 time)");
  }
}
