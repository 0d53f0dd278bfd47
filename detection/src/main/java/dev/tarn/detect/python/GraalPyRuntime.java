package dev.tarn.detect.python;

import dev.tarn.detect.pack.DetectionPack;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default rule runtime: Python 3.11 detections in a sandboxed GraalPy context (see {@link GraalPyInterpreter}).
 *
 * <p>All GraalPy runtimes of a JVM share one polyglot engine; creating a runtime costs a new context (0.1–0.5 s after
 * the first, which takes seconds) plus importing the pack, so callers borrow warm runtimes from a {@link RuntimePool}
 * (see {@link RuleRuntimes#open}). Calls over the time limit are interrupted ({@code Context#interrupt}) and, if that
 * does not take, the context is cancelled and rebuilt on the next call; the memory budget is enforced the same way
 * from the allocation counter of the calling thread.
 */
public final class GraalPyRuntime extends PythonRuleRuntime {

  public static final String NAME = "graalpy";

  private final RuntimeOptions options;

  private GraalPyRuntime(PackPayload payload, RuntimeOptions options) {
    super(payload, options);
    this.options = options;
  }

  /** A new runtime with the pack loaded. Prefer {@link RuleRuntimes#open}, which reuses warm runtimes. */
  public static GraalPyRuntime create(DetectionPack pack, RuntimeOptions options) {
    return create(new PackPayload(pack), options);
  }

  static GraalPyRuntime create(PackPayload payload, RuntimeOptions options) {
    GraalPyRuntime runtime = new GraalPyRuntime(payload, options);
    runtime.start();
    return runtime;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Interpreter newInterpreter() {
    return GraalPyInterpreter.start(options, settings(NAME, options));
  }

  /** The settings JSON the driver's {@code configure} takes. */
  static String settings(String runtimeName, RuntimeOptions options) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("runtime", runtimeName);
    List<Path> pythonPath = options.pythonPath() == null ? List.of() : options.pythonPath();
    settings.put("pythonPath", pythonPath.stream().map(p -> p.toAbsolutePath().toString()).toList());
    return PackPayload.json(settings);
  }
}
