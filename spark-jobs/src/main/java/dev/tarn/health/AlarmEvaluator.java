package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.HealthConfig;
import dev.tarn.quality.VolumeAnomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judges the signals against the thresholds: every alarm that fires, one per subject. */
public final class AlarmEvaluator {
  private final HealthConfig config;

  public AlarmEvaluator(HealthConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  public List<FiredAlarm> evaluate(HealthSignals signals) {
    Instant now = signals.at();
    List<FiredAlarm> fired = new ArrayList<>();
    for (JobStatus job : signals.jobs()) {
      if (job.failed()) {
        fired.add(new FiredAlarm(AlarmRule.JOB_FAILED, job.subject(),
            "Tarn job " + job.job() + (job.target() == null ? "" : " on " + job.target()) + " failed",
            "The latest run of " + job.subject() + " failed at " + job.finished() + ": " + job.message()
                + ". Fix the cause and run the job again; the alarm stops once a run succeeds.",
            context("job", job.subject(), job.status(), "a run that did not fail", job.finished(),
                Map.of("message", String.valueOf(job.message())))));
      }
    }
    for (SourceSignal source : signals.sources()) {
      Duration lag = source.lag(now);
      if (lag != null && lag.compareTo(config.streamLag()) > 0) {
        fired.add(new FiredAlarm(AlarmRule.STREAM_LAG, source.sourceId(),
            "Ingest of source " + source.sourceId() + " is " + HumanDuration.format(lag) + " behind ("
                + source.pendingFiles() + " landed files not ingested)",
            "The oldest file landed for source " + source.sourceId() + " and not yet ingested is "
                + HumanDuration.format(lag) + " old (threshold " + HumanDuration.format(config.streamLag())
                + "). Check that ingest is running and keeping up.",
            context("stream lag", source.sourceId(), lag.toSeconds(), config.streamLag().toSeconds(),
                source.oldestPending(), Map.of("pendingFiles", source.pendingFiles(), "unit", "seconds"))));
      }
      if (source.silent(now)) {
        Duration silent = source.silentFor(now);
        fired.add(new FiredAlarm(AlarmRule.SOURCE_SILENT, source.sourceId(),
            "Source " + source.sourceId() + " has sent no data for " + HumanDuration.format(silent),
            "Nothing was ingested from source " + source.sourceId() + " since " + source.lastArrival()
                + ", longer than its expected interval of " + HumanDuration.format(source.silentAfter())
                + ". Check that the producer still writes to the source's location and that ingest reads it.",
            context("source silent", source.sourceId(), silent.toSeconds(), source.silentAfter().toSeconds(),
                source.lastArrival(), Map.of("unit", "seconds"))));
      }
    }
    signals.quarantine().growthBySource().forEach((sourceId, growth) -> {
      if (growth > config.quarantineGrowth()) {
        fired.add(new FiredAlarm(AlarmRule.QUARANTINE_GROWTH, sourceId,
            "Source " + sourceId + " quarantined " + growth + " lines in the last "
                + HumanDuration.format(config.window()),
            growth + " lines of source " + sourceId + " matched no log type in the last "
                + HumanDuration.format(config.window()) + " (threshold " + config.quarantineGrowth()
                + "). Inspect them in tarn_system.quarantine, fix the source's log types or schema, then requeue.",
            context("quarantine growth", sourceId, growth, config.quarantineGrowth(), now.minus(config.window()),
                Map.of("totalQuarantined", signals.quarantine().total()))));
      }
    });
    Long dead = signals.alerts().deadLetters();
    if (dead != null && dead > config.deadLetters()) {
      fired.add(new FiredAlarm(AlarmRule.DEAD_LETTERS, "alerts-service",
          "The alerts service has " + dead + " dead-lettered deliveries",
          dead + " alert deliveries failed every attempt (threshold " + config.deadLetters() + "). Fix the "
              + "destination, then retry them: POST /api/v1/deliveries/retry.",
          context("dead letters", "alerts-service", dead, config.deadLetters(), null, Map.of())));
    }
    for (VolumeAnomaly anomaly : signals.anomalies()) {
      if (anomaly.anomalous()) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("expectedMin", anomaly.expectedMin());
        extra.put("expectedMax", anomaly.expectedMax());
        extra.put("historyDays", anomaly.historyDays());
        fired.add(new FiredAlarm(AlarmRule.VOLUME_ANOMALY, anomaly.table(),
            "Volume of " + anomaly.table() + " on " + anomaly.date() + " is outside its usual range",
            anomaly.table() + " on " + anomaly.date() + ": " + anomaly.message()
                + ". A drop often means a source stopped or lost part of its data; a spike, a new producer.",
            context("volume anomaly", anomaly.table(), anomaly.volume(), anomaly.expectedMin() + ".."
                + anomaly.expectedMax(), anomaly.date().toString(), extra)));
      }
    }
    return List.copyOf(fired);
  }

  private static Map<String, Object> context(String signal, String subject, Object observed, Object threshold,
      Object since, Map<String, Object> extra) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signal", signal);
    out.put("subject", subject);
    out.put("observed", observed);
    out.put("threshold", threshold);
    out.put("since", since == null ? null : since.toString());
    out.putAll(extra);
    return out;
  }
}
