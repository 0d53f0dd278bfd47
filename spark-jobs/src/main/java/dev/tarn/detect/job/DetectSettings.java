package dev.tarn.detect.job;

import dev.tarn.config.DetectionConfig;
import dev.tarn.detect.kv.KvConfig;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What tasks need to run detections: the pack itself (not a path: executors may not see the driver's files) and the
 * runtime settings. Serializable; its {@link #key()} identifies the runtimes it can share.
 */
public record DetectSettings(
    PackArchive pack,
    String defaultRuntime,
    List<String> pythonPath,
    Duration callTimeout,
    long callMemoryBytes,
    KvConfig kv) implements Serializable {

  /**
   * The embedded KV store lives under a local lake; with a remote lake it falls back to {@code ./.tarn/_kv} of each
   * JVM, which is only right on one machine (clusters use {@code kv.store: dynamodb}).
   */
  public static DetectSettings of(DetectionConfig config, PackArchive pack, String lakeRoot) {
    KvConfig kv;
    if (config.kv().equals("dynamodb")) {
      kv = KvConfig.dynamoDb(config.kvRegion()).withTable(config.kvTable()).withEndpoint(config.kvEndpoint());
    } else {
      boolean local = !lakeRoot.contains("://") || lakeRoot.startsWith("file:");
      Path root = local ? Path.of(lakeRoot.replaceFirst("^file:", "")) : Path.of(".tarn");
      kv = KvConfig.embedded(KvConfig.defaultPath(root.toAbsolutePath()));
    }
    return new DetectSettings(pack, config.runtime(), config.pythonPath(), config.callTimeout(),
        config.callMemoryBytes(), kv);
  }

  /** Identifies a loaded pack with these settings (the archive bytes are covered by its fingerprint). */
  public String key() {
    return String.join("|", pack.fingerprint(), defaultRuntime, String.valueOf(pythonPath),
        String.valueOf(callTimeout), String.valueOf(callMemoryBytes), String.valueOf(kv));
  }
}
