package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What one {@code tarn health} run saw and raised. */
public record HealthReport(String runId, HealthSignals signals, int rulesEvaluated, List<FiredAlarm> fired) {
  public HealthReport {
    requireNonNull(runId, "runId is null");
    requireNonNull(signals, "signals is null");
    fired = List.copyOf(fired);
  }
}
