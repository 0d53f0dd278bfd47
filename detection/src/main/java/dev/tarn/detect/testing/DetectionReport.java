package dev.tarn.detect.testing;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.Detection;
import java.util.List;

/**
 * The outcome for one detection of a test run.
 *
 * @param tests the verdict per test, in YAML order (empty when skipped or invalid)
 * @param messages for FAILED, the coverage failures ({@code --minimum-tests}); for SKIPPED, why; for INVALID, the
 *     runtime's load problems
 */
public record DetectionReport(Detection detection, Status status, List<TestResult> tests, List<String> messages) {

  public enum Status { PASSED, FAILED, SKIPPED, INVALID }

  public DetectionReport {
    requireNonNull(detection, "detection is null");
    requireNonNull(status, "status is null");
    tests = List.copyOf(tests);
    messages = List.copyOf(messages);
  }

  public List<TestResult> failedTests() {
    return tests.stream().filter(t -> !t.passed()).toList();
  }
}
