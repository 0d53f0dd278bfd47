package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The event-time window a scheduled run covers: {@code [start, end)}, where {@code end} is the run's scheduled time
 * (the {@code now} its macros are expanded with) and {@code start} the slot before it.
 */
public record RunWindow(Instant start, Instant end) {

  public RunWindow {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("Invalid run window: start " + start + " is not before end " + end);
    }
  }

  /** The time macros of a run are expanded with this as the present. */
  public Instant macroNow() {
    return end;
  }
}
