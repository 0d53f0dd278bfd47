package dev.tarn.detect.python;

import dev.tarn.detect.pack.DetectionPack;

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

  private GraalPyRuntime(PackPayload payload, RuntimeOptions options) {
    super(NAME, payload, options);
  }

  /** A new runtime with the pack loaded. Prefer {@link RuleRuntimes#open}, which reuses warm runtimes. */
  public static GraalPyRuntime create(DetectionPack pack, RuntimeOptions options) {
    return create(new PackPayload(pack), options);
  }

  static GraalPyRuntime create(PackPayload payload, RuntimeOptions options) {
    return started(new GraalPyRuntime(payload, options));
  }

  @Override
  Interpreter newInterpreter() {
    return GraalPyInterpreter.start(options(), settingsJson());
  }
}
