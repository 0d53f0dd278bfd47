package dev.tarn.detect.testing;

import static dev.tarn.detect.testing.Fixtures.outcome;
import static dev.tarn.detect.testing.Fixtures.pack;
import static dev.tarn.detect.testing.Fixtures.policy;
import static dev.tarn.detect.testing.Fixtures.rule;
import static dev.tarn.detect.testing.Fixtures.simple;
import static dev.tarn.detect.testing.Fixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestRunTest {
  /** Fires when the test's name starts with "fire"; records what it ran. */
  final List<String> ran = new ArrayList<>();
  final PythonTestRunner python = (d, t) -> {
    ran.add(d.id() + "/" + t.name());
    return outcome(t.name().startsWith("fire"));
  };
  final SimpleDetectionEvaluator simpleEvaluator = (d, t) -> {
    ran.add(d.id() + "/" + t.name());
    return t.name().startsWith("fire");
  };

  TestReport run(DetectionPack pack, TestOptions options) {
    return new TestRun(python, simpleEvaluator, options).run(pack);
  }

  static TestOptions filters(String... filters) {
    return TestOptions.defaults().withFilters(List.of(filters).stream().map(DetectionFilter::parse).toList());
  }

  @Test
  void runsPythonAndSimpleDetectionsAndJudgesEachTest() {
    TestReport report = run(pack(List.of(rule("R", test("fires", true), test("quiet", false)),
        simple("S", test("fires", true)), policy("P", test("compliant", true))), List.of()), TestOptions.defaults());
    assertThat(ran).containsExactly("R/fires", "R/quiet", "S/fires", "P/compliant");
    assertThat(report.detections()).extracting(DetectionReport::status).containsOnly(DetectionReport.Status.PASSED);
    assertThat(report.passed()).isEqualTo(3);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aFailingTestFailsTheDetectionAndTheRun() {
    TestReport report = run(pack(List.of(rule("R", test("quiet but expected", true))), List.of()),
        TestOptions.defaults());
    DetectionReport r = report.detections().get(0);
    assertThat(r.status()).isEqualTo(DetectionReport.Status.FAILED);
    assertThat(r.failedTests()).singleElement().satisfies(t ->
        assertThat(t.reason()).isEqualTo("[rule] expected True, got False"));
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void aRunnerExceptionFailsTheTestWithItsMessage() {
    PythonTestRunner broken = (d, t) -> {
      throw new IllegalStateException("interpreter closed");
    };
    TestReport report = new TestRun(broken, simpleEvaluator, TestOptions.defaults())
        .run(pack(List.of(rule("R", test("fires", true))), List.of()));
    assertThat(report.detections().get(0).failedTests().get(0).failures()).containsExactly(
        "[rule] expected True, got an error: could not run the test: IllegalStateException: interpreter closed");
  }

  @Test
  void filtersSelectDetectionsAndMustAllMatch() {
    Detection high = Fixtures.detection(AnalysisType.RULE, "High", true, true, Severity.HIGH, List.of("A.B"),
        List.of("x"), List.of(), "x = 1");
    Detection highOtherTag = Fixtures.detection(AnalysisType.RULE, "HighY", true, true, Severity.HIGH,
        List.of("A.B"), List.of("y"), List.of(), "x = 1");
    Detection low = Fixtures.detection(AnalysisType.RULE, "Low", true, true, Severity.LOW, List.of("A.B"),
        List.of("x"), List.of(), "x = 1");
    TestReport report = run(pack(List.of(high, highOtherTag, low), List.of()), filters("Severity=High", "Tags=x"));
    assertThat(report.detections()).extracting(d -> d.detection().id()).containsExactly("High");
  }

  @Test
  void failsWhenNoDetectionMatchesTheFilters() {
    TestReport report = run(pack(List.of(rule("R")), List.of()), filters("Severity=Critical"));
    assertThat(report.detections()).isEmpty();
    assertThat(report.notes()).containsExactly(
        "no detection matched the filters Severity=Critical; check the keys and values");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void failsWhenNothingWasLoaded() {
    TestReport report = run(pack(List.of(), List.of()), TestOptions.defaults());
    assertThat(report.notes()).containsExactly("nothing to test: no spec was loaded; check the detections path");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void minimumTestsFailsDetectionsWithFewerTests() {
    TestReport report = run(pack(List.of(rule("R", test("fires", true))), List.of()),
        TestOptions.defaults().withMinimumTests(1));
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.PASSED);
    report = run(pack(List.of(rule("Untested")), List.of()), TestOptions.defaults().withMinimumTests(1));
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.FAILED);
    assertThat(report.detections().get(0).messages())
        .containsExactly("Insufficient test coverage: 1 tests required but only 0 found");
  }

  @Test
  void minimumTestsAboveOneAlsoNeedsAPositiveAndANegativeTest() {
    TestReport report = run(pack(List.of(rule("R", test("fires", true), test("fires again", true))), List.of()),
        TestOptions.defaults().withMinimumTests(2));
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.FAILED);
    assertThat(report.detections().get(0).messages())
        .containsExactly("Insufficient test coverage: expected at least one positive and one negative test");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void skipsDisabledDetectionsWhenAsked() {
    Detection disabled = Fixtures.detection(AnalysisType.RULE, "Off", false, true, Severity.LOW, List.of("A.B"),
        List.of(), List.of(test("fires", true)), "x = 1");
    TestReport report = run(pack(List.of(disabled), List.of()), TestOptions.defaults().withSkipDisabledTests(true));
    assertThat(ran).isEmpty();
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.SKIPPED);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void testsDisabledDetectionsByDefault() {
    Detection disabled = Fixtures.detection(AnalysisType.RULE, "Off", false, true, Severity.LOW, List.of("A.B"),
        List.of(), List.of(test("fires", true)), "x = 1");
    run(pack(List.of(disabled), List.of()), TestOptions.defaults());
    assertThat(ran).containsExactly("Off/fires");
  }

  @Test
  void skipsCorrelationRules() {
    Detection correlation = Fixtures.detection(AnalysisType.CORRELATION_RULE, "C", true, true, Severity.LOW,
        List.of(), List.of(), List.of(test("seq", true)), null);
    TestReport report = run(pack(List.of(correlation), List.of()), TestOptions.defaults().withMinimumTests(2));
    assertThat(ran).isEmpty();
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.SKIPPED);
    assertThat(report.detections().get(0).messages())
        .containsExactly("correlation rules are not evaluated yet; 1 test(s) not run");
  }

  @Test
  void runtimeLoadProblemsMakeTheDetectionInvalidWithoutRunningIt() {
    LoadProblem syntax = new LoadProblem(Path.of("rules/R.py"), 3, "R", "SyntaxError: invalid syntax",
        LoadProblem.Level.ERROR);
    TestReport report = new TestRun(python, simpleEvaluator, TestOptions.defaults())
        .run(pack(List.of(rule("R", test("fires", true))), List.of()), List.of(syntax));
    assertThat(ran).isEmpty();
    assertThat(report.detections().get(0).status()).isEqualTo(DetectionReport.Status.INVALID);
    assertThat(report.detections().get(0).messages()).containsExactly("SyntaxError: invalid syntax");
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void dropsRuntimeProblemsOfFilteredOutDetections() {
    LoadProblem other = new LoadProblem(null, "Other", "SyntaxError");
    LoadProblem global = new LoadProblem(null, "panther_base_helpers", "ImportError: dateutil");
    TestReport report = new TestRun(python, simpleEvaluator, filters("RuleID=R"))
        .run(pack(List.of(rule("R"), rule("Other")), List.of()), List.of(other, global));
    assertThat(report.problems()).containsExactly(global);
  }

  @Test
  void invalidSpecsFailTheRunButWarningsDoNot() {
    LoadProblem warning = new LoadProblem(Path.of("packs/p.yml"), 2, "P", "unknown ids", LoadProblem.Level.WARNING);
    TestReport report = run(pack(List.of(rule("R")), List.of(warning)), TestOptions.defaults());
    assertThat(report.exitCode()).isZero();
    LoadProblem error = new LoadProblem(Path.of("rules/bad.yml"), "Bad", "unknown key");
    report = run(pack(List.of(rule("R")), List.of(warning, error)), TestOptions.defaults());
    assertThat(report.invalid()).isEqualTo(1);
    assertThat(report.exitCode()).isEqualTo(1);
  }
}
