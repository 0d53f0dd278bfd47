package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tarn.quality.VolumeAnomaly;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code tarn status}: the signals as one screen of plain-text sections, or as one JSON document. */
public final class StatusScreen {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HealthSignals s;
  private final String lakeRoot;

  public StatusScreen(HealthSignals signals, String lakeRoot) {
    this.s = requireNonNull(signals, "signals is null");
    this.lakeRoot = requireNonNull(lakeRoot, "lakeRoot is null");
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    Instant now = s.at();
    line(out, "Tarn status at %s (lake %s)", now, lakeRoot);
    out.append('\n');
    line(out, "Jobs (latest run of each job and target)");
    if (s.jobs().isEmpty()) {
      line(out, "  no runs recorded yet");
    } else {
      line(out, "  %-10s %-32s %-12s %-22s %s", "JOB", "TARGET", "FINISHED", "OUTCOME", "MESSAGE");
      for (JobStatus j : s.jobs()) {
        line(out, "  %-10s %-32s %-12s %-22s %s", j.job(), j.target() == null ? "-" : j.target(),
            ago(Duration.between(j.finished(), now)), j.status(), oneLine(j.message()));
      }
    }
    out.append('\n');
    line(out, "Sources");
    if (s.sources().isEmpty()) {
      line(out, "  none configured");
    } else {
      line(out, "  %-24s %-12s %-10s %-10s %-8s %s", "SOURCE", "LAST DATA", "EXPECTED", "LAG", "PENDING",
          "STATE");
      for (SourceSignal src : s.sources()) {
        line(out, "  %-24s %-12s %-10s %-10s %-8s %s", src.sourceId(),
            src.lastArrival() == null ? "never" : ago(src.silentFor(now)), HumanDuration.format(src.silentAfter()),
            src.lag(now) == null ? "unknown" : HumanDuration.format(src.lag(now)),
            src.pendingFiles() == null ? "?" : src.pendingFiles(), sourceState(src, now));
      }
    }
    out.append('\n');
    line(out, "Events per log type (ingested)");
    if (s.volumes().isEmpty()) {
      line(out, "  none in the last day");
    } else {
      line(out, "  %-32s %12s %12s", "LOG TYPE", "LAST HOUR", "LAST DAY");
      for (LogTypeVolume v : s.volumes()) {
        line(out, "  %-32s %12d %12d", v.logType(), v.lastHour(), v.lastDay());
      }
    }
    out.append('\n');
    QuarantineSignal q = s.quarantine();
    line(out, "Quarantine: %d lines, %d new in the window%s", q.total(), q.growth(), q.growthBySource().isEmpty()
        ? "" : " (" + q.growthBySource().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")) + ")");
    AlertsServiceSignal a = s.alerts();
    line(out, "Alerts service: %s (%s)", a.state().name().toLowerCase(Locale.ROOT).replace('_', ' '), a.detail());
    line(out, "Dead-lettered deliveries: %s", a.deadLetters() == null ? "unknown" : a.deadLetters());
    if (!s.anomalies().isEmpty()) {
      out.append('\n');
      line(out, "Volume of yesterday against its usual range");
      for (VolumeAnomaly v : s.anomalies()) {
        line(out, "  %-40s %-20s %s", v.table(), v.status(), v.message());
      }
    }
    if (!s.problems().isEmpty()) {
      out.append('\n');
      line(out, "Signals that could not be read");
      for (String p : s.problems()) {
        line(out, "  %s", p);
      }
    }
    return out.toString();
  }

  public String json() {
    Instant now = s.at();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("at", now.toString());
    doc.put("lake", lakeRoot);
    List<Map<String, Object>> jobs = new ArrayList<>();
    for (JobStatus j : s.jobs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("job", j.job());
      m.put("target", j.target());
      m.put("started", str(j.started()));
      m.put("finished", j.finished().toString());
      m.put("status", j.status());
      m.put("message", j.message());
      jobs.add(m);
    }
    doc.put("jobs", jobs);
    List<Map<String, Object>> sources = new ArrayList<>();
    for (SourceSignal src : s.sources()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", src.sourceId());
      m.put("lastArrival", str(src.lastArrival()));
      m.put("silentForSeconds", src.silentFor(now) == null ? null : src.silentFor(now).toSeconds());
      m.put("silentAfterSeconds", src.silentAfter().toSeconds());
      m.put("silent", src.silent(now));
      m.put("lagSeconds", src.lag(now) == null ? null : src.lag(now).toSeconds());
      m.put("pendingFiles", src.pendingFiles());
      sources.add(m);
    }
    doc.put("sources", sources);
    List<Map<String, Object>> volumes = new ArrayList<>();
    for (LogTypeVolume v : s.volumes()) {
      volumes.add(new LinkedHashMap<>(Map.of("logType", v.logType(), "lastHour", v.lastHour(), "lastDay",
          v.lastDay())));
    }
    doc.put("events", volumes);
    doc.put("quarantine", Map.of("total", s.quarantine().total(), "window", s.quarantine().growthBySource()));
    Map<String, Object> alerts = new LinkedHashMap<>();
    alerts.put("state", s.alerts().state().name());
    alerts.put("detail", s.alerts().detail());
    alerts.put("deadLetters", s.alerts().deadLetters());
    doc.put("alertsService", alerts);
    List<Map<String, Object>> anomalies = new ArrayList<>();
    for (VolumeAnomaly v : s.anomalies()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table", v.table());
      m.put("date", v.date().toString());
      m.put("volume", v.volume());
      m.put("expectedMin", v.expectedMin());
      m.put("expectedMax", v.expectedMax());
      m.put("status", v.status().name());
      anomalies.add(m);
    }
    doc.put("volumeAnomalies", anomalies);
    doc.put("problems", s.problems());
    try {
      return JSON.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the status as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static String sourceState(SourceSignal src, Instant now) {
    if (src.lastArrival() == null) {
      return "no data yet";
    }
    return src.silent(now) ? "SILENT" : "ok";
  }

  private static String ago(Duration d) {
    return HumanDuration.format(d) + " ago";
  }

  private static String str(Instant i) {
    return i == null ? null : i.toString();
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.replaceAll("\\s+", " ").trim();
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
