package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.HealthConfig;
import dev.tarn.config.SourceConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeInventory;
import dev.tarn.quality.VolumeAnomalies;
import dev.tarn.quality.VolumeAnomaly;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every signal once, for {@code tarn status} and {@code tarn health}. A signal that cannot be read (a corrupt
 * table, an unlistable location) is reported as a problem and read as empty, so one bad part never hides the rest.
 */
public final class SignalCollector {
  private static final Logger LOG = LoggerFactory.getLogger(SignalCollector.class);

  private final SparkSession spark;
  private final Lake lake;
  private final List<SourceConfig> sources;
  private final HealthConfig config;
  private final Clock clock;

  public SignalCollector(SparkSession spark, Lake lake, List<SourceConfig> sources, HealthConfig config,
      Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.lake = requireNonNull(lake, "lake is null");
    this.sources = List.copyOf(sources);
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public HealthSignals collect() {
    Instant now = clock.instant();
    List<String> problems = new ArrayList<>();
    LakeSignals tables = new LakeSignals(spark, lake);
    List<JobStatus> jobs = read("job runs", problems, List.of(), tables::latestRuns);
    List<LogTypeVolume> volumes = read("events per log type", problems, List.of(), () -> tables.volumes(now));
    QuarantineSignal quarantine = read("quarantine", problems, new QuarantineSignal(0, Map.of()),
        () -> tables.quarantine(now.minus(config.window())));
    Map<String, Instant> arrivals = read("source arrivals", problems, Map.of(), tables::lastArrivals);
    List<SourceSignal> sourceSignals = new ArrayList<>();
    LandedFiles landed = new LandedFiles(spark.sparkContext().hadoopConfiguration());
    Instant lookback = now.minus(config.lagLookback());
    Map<String, Set<String>> ingested = sources.isEmpty() ? Map.of()
        : read("ingested files", problems, null, () -> tables.ingestedSince(lookback));
    for (SourceConfig source : sources) {
      // Without the ingested files every landed file would look pending: the lag is then unknown.
      LandedFiles.Pending pending = ingested == null ? null : read("lag of source " + source.id(), problems, null,
          () -> landed.pending(source.location(), lookback, ingested.getOrDefault(source.id(), Set.of())));
      sourceSignals.add(new SourceSignal(source.id(), arrivals.get(source.id()), config.silentAfter(source.id()),
          pending == null ? null : pending.files(), pending == null ? null : pending.oldest()));
    }
    AlertsServiceSignal alerts = new AlertsServiceProbe(config.alertsUrl(), config.alertsToken()).probe();
    List<VolumeAnomaly> anomalies = config.volumeAnomalies() ? anomalies(now, problems) : List.of();
    return new HealthSignals(now, jobs, sourceSignals, volumes, quarantine, alerts, anomalies, problems);
  }

  /** Yesterday's (the last complete UTC day's) volume of each log table against its history. */
  private List<VolumeAnomaly> anomalies(Instant now, List<String> problems) {
    LocalDate yesterday = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
    List<LakeInventory.LakeTable> logTables = read("log tables", problems, List.of(),
        () -> new LakeInventory(lake, spark.sparkContext().hadoopConfiguration()).tables(Lake.LOGS_DB));
    List<VolumeAnomaly> out = new ArrayList<>();
    for (LakeInventory.LakeTable table : logTables) {
      VolumeAnomaly judged = read("volume of " + table.qualifiedName(), problems, null,
          () -> VolumeAnomalies.check(spark, lake, table.qualifiedName(), yesterday));
      if (judged != null) {
        out.add(judged);
      }
    }
    return out;
  }

  private static <T> T read(String what, List<String> problems, T empty, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      LOG.warn("Cannot read {}", what, e);
      problems.add("cannot read " + what + ": " + e.getMessage());
      return empty;
    }
  }
}
