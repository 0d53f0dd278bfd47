package dev.tarn.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Tarn's configuration (tarn.yaml), immutable. Every key has a default that works with no file at all: a local lake
 * at {@code ./lake} and one source reading {@code ./landing}, where each sub-folder named like a table
 * ({@code aws_cloudtrail/}) holds that log type.
 *
 * @param lake root of the lake: tables, checkpoints and the embedded metastore live under it (local path or s3a://)
 * @param landing where the default source reads (used only when {@code sources} is empty)
 * @param sources the configured sources
 * @param ingestTrigger micro-batch interval of continuous ingest
 * @param maxFilesPerTrigger files per micro-batch
 * @param detection where detections come from and how they run
 * @param maintain compaction, VACUUM and retention settings of {@code tarn maintain}
 * @param health alarm thresholds of {@code tarn health} and where the alerts service is
 */
public record TarnConfig(String lake, String landing, List<SourceConfig> sources, Duration ingestTrigger,
    int maxFilesPerTrigger, DetectionConfig detection, MaintainConfig maintain, HealthConfig health) {

  public TarnConfig {
    requireNonNull(lake, "lake is null");
    requireNonNull(landing, "landing is null");
    sources = List.copyOf(sources);
    requireNonNull(ingestTrigger, "ingestTrigger is null");
    requireNonNull(detection, "detection is null");
    requireNonNull(maintain, "maintain is null");
    requireNonNull(health, "health is null");
  }

  /** A configuration with health checks at their defaults. */
  public TarnConfig(String lake, String landing, List<SourceConfig> sources, Duration ingestTrigger,
      int maxFilesPerTrigger, DetectionConfig detection, MaintainConfig maintain) {
    this(lake, landing, sources, ingestTrigger, maxFilesPerTrigger, detection, maintain, HealthConfig.defaults());
  }

  /** A configuration with maintenance at its defaults. */
  public TarnConfig(String lake, String landing, List<SourceConfig> sources, Duration ingestTrigger,
      int maxFilesPerTrigger, DetectionConfig detection) {
    this(lake, landing, sources, ingestTrigger, maxFilesPerTrigger, detection, MaintainConfig.defaults());
  }

  /** An ingest-only configuration: detections at their defaults. */
  public TarnConfig(String lake, String landing, List<SourceConfig> sources, Duration ingestTrigger,
      int maxFilesPerTrigger) {
    this(lake, landing, sources, ingestTrigger, maxFilesPerTrigger, DetectionConfig.defaults());
  }

  public TarnConfig withDetection(DetectionConfig value) {
    return new TarnConfig(lake, landing, sources, ingestTrigger, maxFilesPerTrigger, value, maintain, health);
  }

  public TarnConfig withMaintain(MaintainConfig value) {
    return new TarnConfig(lake, landing, sources, ingestTrigger, maxFilesPerTrigger, detection, value, health);
  }

  /** The lake root as a URI-ish string Spark and Hadoop accept (local paths made absolute). */
  public String lakeUri() {
    return absolute(lake);
  }

  static String absolute(String location) {
    if (location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || location.startsWith("file:")) {
      return location.replaceAll("/+$", "");
    }
    return Path.of(location).toAbsolutePath().normalize().toString();
  }
}
