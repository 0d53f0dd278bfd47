package dev.tarn.detect.testing;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;

/**
 * Evaluates a simple (YAML-only) detection on one test: the match-expression evaluator implements it. Kept as an
 * interface so the test runner does not depend on how match expressions are evaluated.
 */
@FunctionalInterface
public interface SimpleDetectionEvaluator {

  /**
   * Whether {@link Detection#detectionSpec()} matches the test's event ({@link DetectionTest#input()}). Throws (any
   * runtime exception) when the expression cannot be evaluated; the test then fails with that error.
   */
  boolean matches(Detection detection, DetectionTest test);
}
