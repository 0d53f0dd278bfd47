package dev.tarn.detect.testing;

import static dev.tarn.detect.testing.Fixtures.rule;
import static dev.tarn.detect.testing.Fixtures.test;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.Severity;
import java.nio.file.Path;
import java.util.List;

/** One report with every kind of outcome, shared by the writer tests. */
final class ReportFixture {
  private ReportFixture() {}

  static TestReport report() {
    Detection passing = rule("Pass.Rule", test("fires", true));
    Detection failing = rule("Fail.Rule", test("fires", true), test("quiet", false));
    Detection untested = rule("Untested.Rule");
    Detection correlation = Fixtures.detection(AnalysisType.CORRELATION_RULE, "Corr", true, true, Severity.LOW,
        List.of(), List.of(), List.of(test("seq", true)), null);
    Detection broken = rule("Broken.Rule", test("fires", true));
    return new TestReport(List.of(
        new DetectionReport(passing, DetectionReport.Status.PASSED,
            List.of(new TestResult("fires", true, true, List.of(), null)), List.of()),
        new DetectionReport(failing, DetectionReport.Status.FAILED, List.of(
            new TestResult("fires", true, false, List.of("[rule] expected True, got an error: KeyError: 'a'\n"
                + "Traceback: line 3"), "printed <stuff> \u0001\n"),
            new TestResult("quiet", false, true, List.of(), null)),
            List.of("Insufficient test coverage: 3 tests required but only 2 found")),
        new DetectionReport(untested, DetectionReport.Status.PASSED, List.of(), List.of()),
        new DetectionReport(correlation, DetectionReport.Status.SKIPPED, List.of(),
            List.of("correlation rules are not evaluated yet; 1 test(s) not run")),
        new DetectionReport(broken, DetectionReport.Status.INVALID, List.of(), List.of("SyntaxError: bad"))),
        List.of(new LoadProblem(Path.of("rules/bad.yml"), 4, "Bad.Rule", "unknown key 'Severty'",
                LoadProblem.Level.ERROR),
            new LoadProblem(Path.of("rules/Broken.Rule.py"), 2, "Broken.Rule", "SyntaxError: bad",
                LoadProblem.Level.ERROR),
            new LoadProblem(Path.of("packs/p.yml"), 2, "P", "names unknown ids", LoadProblem.Level.WARNING)),
        List.of());
  }
}
