package dev.tarn.detect.testing;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.python.RuleOutcome;

/**
 * Runs one embedded test of a Python detection in test mode, typically
 * {@code runtimeFor(detection).runTest(detection.id(), test)} on a {@link dev.tarn.detect.python.RuleRuntime}. The
 * outcome is judged by {@link TestJudge}; an exception thrown here fails the test with its message.
 */
@FunctionalInterface
public interface PythonTestRunner {
  RuleOutcome run(Detection detection, DetectionTest test);
}
