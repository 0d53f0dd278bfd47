package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.kv.KvConfig;
import dev.tarn.detect.kv.KvStore;
import dev.tarn.detect.kv.KvStores;
import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.PackLoader;
import dev.tarn.detect.python.RuleRuntime;
import dev.tarn.detect.python.RuleRuntimes;
import dev.tarn.detect.python.RuntimeOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loaded detection pack in this JVM, with its warm Python runtimes. Tasks of every micro-batch borrow runtimes here
 * and give them back, so interpreters (and the modules imported in them) live across batches; each runtime serves one
 * task at a time. One environment per {@link DetectSettings#key()} per JVM.
 */
public final class DetectionEnvironment {
  private static final Map<String, DetectionEnvironment> LOADED = new ConcurrentHashMap<>();

  /** One store per configuration per JVM: the embedded store's file admits one opener per process. */
  private static final Map<KvConfig, KvStore> STORES = new ConcurrentHashMap<>();

  private final DetectSettings settings;
  private final DetectionPack pack;
  private final RuntimeOptions options;
  private final Map<String, SimpleDetection> simple = new ConcurrentHashMap<>();

  private DetectionEnvironment(DetectSettings settings, DetectionPack pack) {
    this.settings = requireNonNull(settings, "settings is null");
    this.pack = requireNonNull(pack, "pack is null");
    this.options = new RuntimeOptions(settings.callTimeout(), settings.callMemoryBytes(),
        settings.pythonPath().stream().map(Path::of).toList(), STORES.computeIfAbsent(settings.kv(), KvStores::open),
        false, false);
  }

  /** The environment for these settings, loading the pack from its archive on first use in this JVM. */
  public static DetectionEnvironment get(DetectSettings settings) {
    return LOADED.computeIfAbsent(settings.key(), k -> {
      Path parent = Path.of(System.getProperty("java.io.tmpdir"), "tarn-packs");
      try {
        java.nio.file.Files.createDirectories(parent);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return new DetectionEnvironment(settings, PackLoader.load(settings.pack().extract(parent)));
    });
  }

  /** Driver side: the pack the driver already loaded serves tasks that run in this JVM (local mode). */
  public static DetectionEnvironment register(DetectSettings settings, DetectionPack pack) {
    return LOADED.computeIfAbsent(settings.key(), k -> new DetectionEnvironment(settings, pack));
  }

  public DetectionPack pack() {
    return pack;
  }

  public Detection detection(String id) {
    return pack.detection(id);
  }

  /** A simple detection's parsed expressions, parsed once per JVM rather than per event. */
  public SimpleDetection simple(String id) {
    return simple.computeIfAbsent(id, k -> SimpleDetection.of(pack.detection(k)));
  }

  /** The runtime a detection runs under: its pack's choice, else the configured default. */
  public String runtimeOf(Detection detection) {
    return detection.runtime() != null ? detection.runtime() : settings.defaultRuntime();
  }

  /**
   * A warm runtime for the caller's exclusive use until {@link #release}: from the JVM's runtime pool, so interpreters
   * (and the modules imported in them) outlive tasks and micro-batches.
   */
  public RuleRuntime borrow(String runtime) {
    return RuleRuntimes.open(runtime, pack, options);
  }

  /** Gives a borrowed runtime back to the pool. */
  public void release(RuleRuntime runtime) {
    runtime.close();
  }
}
