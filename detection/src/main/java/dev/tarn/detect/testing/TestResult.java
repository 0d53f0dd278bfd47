package dev.tarn.detect.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The verdict on one embedded test.
 *
 * @param failures why it failed, one entry per reason, each starting with the function at fault in brackets
 *     ({@code [rule] expected True, got False}, {@code [title] KeyError: 'x'}); empty when it passed
 * @param output what the detection printed while the test ran, or null
 */
public record TestResult(String name, boolean expectedResult, boolean passed, List<String> failures, String output) {

  public TestResult {
    requireNonNull(name, "name is null");
    failures = List.copyOf(failures);
  }

  /** The failures joined on one line, or "" when the test passed. */
  public String reason() {
    return String.join("; ", failures);
  }
}
