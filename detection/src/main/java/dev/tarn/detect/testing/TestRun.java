package dev.tarn.detect.testing;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.python.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the embedded tests of a detection pack with the semantics of {@code panther_analysis_tool test}: selects
 * detections with the filters, runs each test (Python detections through a {@link PythonTestRunner}, simple ones
 * through a {@link SimpleDetectionEvaluator}), judges it with {@link TestJudge}, checks test coverage, and collects
 * everything into a {@link TestReport}. Correlation rules are skipped: Tarn has no correlation engine yet.
 */
public final class TestRun {
  private final PythonTestRunner python;
  private final SimpleDetectionEvaluator simple;
  private final TestOptions options;

  public TestRun(PythonTestRunner python, SimpleDetectionEvaluator simple, TestOptions options) {
    this.python = requireNonNull(python, "python is null");
    this.simple = requireNonNull(simple, "simple is null");
    this.options = requireNonNull(options, "options is null");
  }

  public TestReport run(DetectionPack pack) {
    return run(pack, List.of());
  }

  /**
   * @param runtimeProblems the problems of the Python runtimes' load ({@code RuleRuntime.loadResult().problems()}):
   *     a detection with a problem is reported invalid and its tests are not run; problems of detections that the
   *     filters leave out are dropped, those of globals and data models are kept
   */
  public TestReport run(DetectionPack pack, List<LoadProblem> runtimeProblems) {
    requireNonNull(pack, "pack is null");
    List<Detection> selected = pack.detections().stream()
        .filter(d -> options.filters().stream().allMatch(f -> f.matches(d)))
        .toList();
    Set<String> allIds = pack.detections().stream().map(Detection::id).collect(Collectors.toSet());
    Set<String> selectedIds = selected.stream().map(Detection::id).collect(Collectors.toSet());
    List<LoadProblem> relevant = runtimeProblems.stream()
        .filter(p -> p.id() == null || !allIds.contains(p.id()) || selectedIds.contains(p.id()))
        .toList();
    Map<String, List<String>> invalid = relevant.stream().filter(p -> p.id() != null && selectedIds.contains(p.id()))
        .collect(Collectors.groupingBy(LoadProblem::id, Collectors.mapping(LoadProblem::message, Collectors.toList())));

    List<DetectionReport> reports = new ArrayList<>();
    for (Detection d : selected) {
      reports.add(report(d, invalid.get(d.id())));
    }
    List<LoadProblem> problems = new ArrayList<>(pack.problems());
    problems.addAll(relevant);
    return new TestReport(reports, problems, notes(pack, selected));
  }

  private List<String> notes(DetectionPack pack, List<Detection> selected) {
    boolean empty = pack.detections().isEmpty() && pack.dataModels().isEmpty() && pack.globals().isEmpty()
        && pack.queries().isEmpty() && pack.packs().isEmpty();
    if (empty) {
      return List.of("nothing to test: no spec was loaded; check the detections path");
    }
    if (selected.isEmpty() && !options.filters().isEmpty()) {
      return List.of("no detection matched the filters " + options.filters().stream().map(TestRun::describe)
          .collect(Collectors.joining(" ")) + "; check the keys and values");
    }
    return List.of();
  }

  private DetectionReport report(Detection d, List<String> runtimeProblems) {
    if (options.skipDisabledTests() && !d.enabled()) {
      return new DetectionReport(d, DetectionReport.Status.SKIPPED, List.of(), List.of("disabled"));
    }
    if (!d.isRunnable()) {
      return new DetectionReport(d, DetectionReport.Status.SKIPPED, List.of(), List.of("correlation rules are not"
          + " evaluated yet; " + d.tests().size() + " test(s) not run"));
    }
    if (runtimeProblems != null) {
      return new DetectionReport(d, DetectionReport.Status.INVALID, List.of(), runtimeProblems);
    }
    List<TestResult> results = new ArrayList<>();
    for (DetectionTest test : d.tests()) {
      results.add(TestJudge.judge(d, test, outcome(d, test)));
    }
    List<String> coverage = coverage(d);
    boolean failed = !coverage.isEmpty() || results.stream().anyMatch(r -> !r.passed());
    return new DetectionReport(d, failed ? DetectionReport.Status.FAILED : DetectionReport.Status.PASSED, results,
        coverage);
  }

  private RuleOutcome outcome(Detection d, DetectionTest test) {
    try {
      if (d.isSimple()) {
        return outcome(d, simple.matches(d, test), null);
      }
      RuleOutcome outcome = python.run(d, test);
      return outcome != null ? outcome : outcome(d, null, "the Python runtime returned no outcome for this test");
    } catch (RuntimeException e) {
      return outcome(d, null, "could not run the test: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
  }

  private static RuleOutcome outcome(Detection d, Boolean matched, String error) {
    return new RuleOutcome(d.id(), matched, error, null, null, null, null, null, null, null, null, Map.of(), null);
  }

  /** Panther's {@code --minimum-tests} messages. */
  private List<String> coverage(Detection d) {
    int n = options.minimumTests();
    List<String> messages = new ArrayList<>();
    if (d.tests().size() < n) {
      messages.add("Insufficient test coverage: " + n + " tests required but only " + d.tests().size() + " found");
    }
    boolean positive = d.tests().stream().anyMatch(DetectionTest::expectedResult);
    boolean negative = d.tests().stream().anyMatch(t -> !t.expectedResult());
    if (n > 1 && !(positive && negative)) {
      messages.add("Insufficient test coverage: expected at least one positive and one negative test");
    }
    return messages;
  }

  static String describe(DetectionFilter f) {
    return f.key() + (f.negated() ? "!=" : "=") + String.join(",", f.values());
  }
}
