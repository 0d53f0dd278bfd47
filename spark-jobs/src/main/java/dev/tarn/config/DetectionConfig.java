package dev.tarn.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * How detections are found and run.
 *
 * @param dirs detection directories in Panther's format, loaded together (the built-in pack by default)
 * @param runtime the default Python runtime, {@code graalpy} or {@code jython}; a pack may choose its own
 * @param trigger micro-batch interval of continuous detection
 * @param prefilters derive native pre-filters from Python rules (on by default; off only to compare or debug)
 * @param pythonPath directories of extra pure-Python packages detections may import (read-only to them)
 * @param callTimeout wall-clock limit of one Python call (Panther's 15 s)
 * @param callMemoryBytes bytes one Python call may allocate before it is stopped
 * @param kv the store behind {@code panther_detection_helpers.caching}: {@code embedded} (under the lake) or
 *     {@code dynamodb}
 * @param kvTable DynamoDB table (default {@code panther-kv-store})
 * @param kvRegion DynamoDB region, null for the SDK's default chain
 * @param kvEndpoint DynamoDB endpoint override, null for AWS
 */
public record DetectionConfig(
    List<String> dirs,
    String runtime,
    Duration trigger,
    boolean prefilters,
    List<String> pythonPath,
    Duration callTimeout,
    long callMemoryBytes,
    String kv,
    String kvTable,
    String kvRegion,
    String kvEndpoint) {

  public static final String DEFAULT_DIR = "detections";

  public DetectionConfig {
    dirs = List.copyOf(dirs);
    requireNonNull(runtime, "runtime is null");
    requireNonNull(trigger, "trigger is null");
    pythonPath = List.copyOf(pythonPath);
    requireNonNull(callTimeout, "callTimeout is null");
    requireNonNull(kv, "kv is null");
    requireNonNull(kvTable, "kvTable is null");
  }

  /** The built-in pack (from TARN_HOME when the launcher sets it, else ./detections), GraalPy, embedded KV. */
  public static DetectionConfig defaults() {
    return new DetectionConfig(List.of(defaultDir()), "graalpy", Duration.ofMinutes(1), true, List.of(),
        Duration.ofSeconds(15), 1L << 30, "embedded", "panther-kv-store", null, null);
  }

  public DetectionConfig withPrefilters(boolean value) {
    return new DetectionConfig(dirs, runtime, trigger, value, pythonPath, callTimeout, callMemoryBytes, kv, kvTable,
        kvRegion, kvEndpoint);
  }

  public DetectionConfig withDirs(List<String> value) {
    return new DetectionConfig(value, runtime, trigger, prefilters, pythonPath, callTimeout, callMemoryBytes, kv,
        kvTable, kvRegion, kvEndpoint);
  }

  static String defaultDir() {
    String home = System.getenv("TARN_HOME");
    return home == null ? DEFAULT_DIR : home + "/" + DEFAULT_DIR;
  }
}
