package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import dev.tarn.quality.VolumeAnomaly;
import java.time.Instant;
import java.util.List;

/**
 * Everything {@code tarn status} shows and {@code tarn health} judges, read once at {@code at}.
 *
 * @param jobs the latest run of each job on each target
 * @param sources per configured source (and any other that ingested files): arrival and lag
 * @param volumes events per log type in the last hour and day
 * @param quarantine quarantined lines, total and within the window
 * @param alerts the alerts service's health and dead letters
 * @param anomalies yesterday's volume of each log table judged against its history
 * @param problems signals that could not be read, each with why (they are shown, and never fail the run)
 */
public record HealthSignals(Instant at, List<JobStatus> jobs, List<SourceSignal> sources,
    List<LogTypeVolume> volumes, QuarantineSignal quarantine, AlertsServiceSignal alerts,
    List<VolumeAnomaly> anomalies, List<String> problems) {
  public HealthSignals {
    requireNonNull(at, "at is null");
    jobs = List.copyOf(jobs);
    sources = List.copyOf(sources);
    volumes = List.copyOf(volumes);
    requireNonNull(quarantine, "quarantine is null");
    requireNonNull(alerts, "alerts is null");
    anomalies = List.copyOf(anomalies);
    problems = List.copyOf(problems);
  }
}
