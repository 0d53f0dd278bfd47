package dev.tarn.health;

import static java.util.Objects.requireNonNull;

/** Events ingested for one log type in the last hour and the last day (from the ingest runs' counts). */
public record LogTypeVolume(String logType, long lastHour, long lastDay) {
  public LogTypeVolume {
    requireNonNull(logType, "logType is null");
  }
}
