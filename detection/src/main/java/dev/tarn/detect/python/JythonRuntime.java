package dev.tarn.detect.python;

import dev.tarn.detect.pack.DetectionPack;

/**
 * The optional rule runtime: detections written for Python 2.7, run by Jython 2.7.4 (several times faster per call than
 * interpreted GraalPy, but no f-strings or other Python 3 syntax; such detections are reported at load time).
 *
 * <p>Limits, honestly: Jython has no sandbox and cannot interrupt a running thread's Python code.
 * <ul>
 *   <li>Time and memory limits work through stop checks compiled into pack code (every loop iteration and
 *       comprehension step): a runaway loop in a detection, global or data model is stopped at its next iteration.
 *       A single long call into the standard library or a python.path package (a catastrophic regular expression,
 *       {@code time.sleep}, one huge allocation) is not interrupted; it ends when it returns.</li>
 *   <li>Pack code cannot import host or system modules ({@code java}, {@code os}, {@code subprocess}, {@code socket},
 *       {@code io}, …) nor call {@code open}/{@code file}/{@code execfile}. These guards are checked at the importing
 *       or calling module; a determined author can reach Java through objects the guards do not cover. Run untrusted
 *       packs under {@link GraalPyRuntime}, whose sandbox is the polyglot context itself.</li>
 *   <li>{@code unittest.mock} is Tarn's own small implementation (Jython 2.7 has none).</li>
 * </ul>
 */
public final class JythonRuntime extends PythonRuleRuntime {

  public static final String NAME = "jython";

  private JythonRuntime(PackPayload payload, RuntimeOptions options) {
    super(NAME, payload, options);
  }

  /** A new runtime with the pack loaded. Prefer {@link RuleRuntimes#open}, which reuses warm runtimes. */
  public static JythonRuntime create(DetectionPack pack, RuntimeOptions options) {
    return create(new PackPayload(pack), options);
  }

  static JythonRuntime create(PackPayload payload, RuntimeOptions options) {
    return started(new JythonRuntime(payload, options));
  }

  @Override
  Interpreter newInterpreter() {
    return JythonInterpreter.start(options(), settingsJson(), limits());
  }
}
