package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One rendered event: its time (which orders the output) and its bytes without a line terminator. The writer
 * of the log type frames the payload (newline-separated lines, or elements of a CloudTrail Records array).
 */
public record LogEvent(Instant time, byte[] payload) {
  public LogEvent {
    requireNonNull(time, "time is null");
    requireNonNull(payload, "payload is null");
  }
}
