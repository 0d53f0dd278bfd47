package dev.tarn.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacroTimestampTest {

  @ParameterizedTest
  @CsvSource({
      "2024-01-15, 2024-01-15T00:00:00Z",
      "2024-01-15 10:30, 2024-01-15T10:30:00Z",
      "2024-01-15 10:30:05, 2024-01-15T10:30:05Z",
      "2021-01-02 15:04:05.000, 2021-01-02T15:04:05Z",
      "2021-01-02 15:04:05.123456789, 2021-01-02T15:04:05.123456789Z",
      "2021-01-21T11:15:54.346Z, 2021-01-21T11:15:54.346Z",
      "2024-01-15t10:30:00z, 2024-01-15T10:30:00Z",
      "2024-01-15 10:30:00 UTC, 2024-01-15T10:30:00Z",
      "2024-03-20T00:30:00+02:00, 2024-03-19T22:30:00Z",
      "2024-03-20T00:30:00-0130, 2024-03-20T02:00:00Z",
      "2024-03-20T00:30:00+05, 2024-03-19T19:30:00Z",
      "' 2024-02-29 ', 2024-02-29T00:00:00Z"})
  void parsesIsoAndGlueLayoutsAsUtc(String text, String expected) {
    assertThat(MacroTimestamp.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-1-5", "2023-02-29", "2024-13-01", "2024-01-15 25:00:00",
      "2024-01-15 10:30:00 PST", "2024-01-15Z", "1705314600", "2024-01-15 10:30:00.1234567890"})
  void rejectsAnythingElse(String text) {
    assertThat(MacroTimestamp.parse(text)).isEmpty();
  }
}
