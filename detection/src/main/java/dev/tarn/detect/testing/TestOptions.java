package dev.tarn.detect.testing;

import java.util.List;

/**
 * What to test and how to judge coverage, as Panther's test tool options.
 *
 * @param filters {@code --filter}: all must match for a detection to be tested
 * @param minimumTests {@code --minimum-tests N}: fewer tests fail the detection; N > 1 also requires one positive
 *     (ExpectedResult true) and one negative test
 * @param skipDisabledTests {@code --skip-disabled-tests}: disabled detections are skipped
 * @param showFailuresOnly {@code --show-failures-only}: the text report prints only failures and the summary
 */
public record TestOptions(List<DetectionFilter> filters, int minimumTests, boolean skipDisabledTests,
    boolean showFailuresOnly) {

  public TestOptions {
    filters = List.copyOf(filters);
    if (minimumTests < 0) {
      throw new IllegalArgumentException("invalid --minimum-tests " + minimumTests + " (must be >= 0)");
    }
  }

  public static TestOptions defaults() {
    return new TestOptions(List.of(), 0, false, false);
  }

  public TestOptions withFilters(List<DetectionFilter> value) {
    return new TestOptions(value, minimumTests, skipDisabledTests, showFailuresOnly);
  }

  public TestOptions withMinimumTests(int value) {
    return new TestOptions(filters, value, skipDisabledTests, showFailuresOnly);
  }

  public TestOptions withSkipDisabledTests(boolean value) {
    return new TestOptions(filters, minimumTests, value, showFailuresOnly);
  }

  public TestOptions withShowFailuresOnly(boolean value) {
    return new TestOptions(filters, minimumTests, skipDisabledTests, value);
  }
}
