package dev.tarn.time;

import java.time.Instant;

/** Expected values written the readable way. */
final class Micros {
  private Micros() {}

  /** Epoch microseconds of an ISO-8601 instant such as {@code 2020-07-27T16:32:20.5Z}. */
  static long of(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000L + parsed.getNano() / 1_000;
  }
}
