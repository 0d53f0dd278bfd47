package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.DetectionPack;
import java.util.Locale;

/**
 * Where callers get a {@link RuleRuntime}: by runtime name ({@code graalpy}, the default, or {@code jython}) for a
 * detection pack and options.
 *
 * <p>The detect job calls {@link #open} once per task (or micro-batch partition) and closes the runtime when done:
 * closing returns it, warm, to the JVM's {@link RuntimePool}, and the next {@code open} with an equal pack and options
 * gets it back without re-importing anything. A runtime is used by one thread at a time.
 */
public final class RuleRuntimes {

  public static final String DEFAULT_RUNTIME = GraalPyRuntime.NAME;

  private RuleRuntimes() {}

  /** A warm runtime from the JVM's pool, or a new one; {@link RuleRuntime#close()} gives it back. */
  public static RuleRuntime open(String runtimeName, DetectionPack pack, RuntimeOptions options) {
    return RuntimePool.shared().borrow(runtimeName, pack, options);
  }

  /** A new runtime that belongs to the caller alone; {@link RuleRuntime#close()} discards it. */
  public static RuleRuntime create(String runtimeName, DetectionPack pack, RuntimeOptions options) {
    return create(normalize(runtimeName), new PackPayload(requireNonNull(pack, "pack is null")), options);
  }

  static PythonRuleRuntime create(String runtimeName, PackPayload payload, RuntimeOptions options) {
    requireNonNull(options, "options is null");
    return switch (runtimeName) {
      case GraalPyRuntime.NAME -> GraalPyRuntime.create(payload, options);
      case JythonRuntime.NAME -> JythonRuntime.create(payload, options);
      default -> throw new IllegalArgumentException("Unknown Python runtime: " + runtimeName);
    };
  }

  /** The runtime name in its canonical spelling; null means the default. */
  static String normalize(String runtimeName) {
    if (runtimeName == null || runtimeName.isBlank()) {
      return DEFAULT_RUNTIME;
    }
    String name = runtimeName.trim().toLowerCase(Locale.ROOT);
    if (!name.equals(GraalPyRuntime.NAME) && !name.equals(JythonRuntime.NAME)) {
      throw new IllegalArgumentException("Unknown python.runtime: " + runtimeName + " (expected "
          + GraalPyRuntime.NAME + " or " + JythonRuntime.NAME + ")");
    }
    return name;
  }
}
