package dev.tarn.detect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReportWriterTest {
  static final String SUMMARY = """
      --------------------------
      Test Summary
      \tPassed: 2
      \tFailed: 1
      \tInvalid: 2
      \tSkipped: 1

      --------------------------
      Failed Tests Summary
      \tFail.Rule
      \t\tfires: [rule] expected True, got an error: KeyError: 'a'
      \t\t       Traceback: line 3
      \t\tInsufficient test coverage: 3 tests required but only 2 found

      --------------------------
      Invalid Tests Summary
      \trules/bad.yml:4 (Bad.Rule)
      \t\tunknown key 'Severty'
      \trules/Broken.Rule.py:2 (Broken.Rule)
      \t\tSyntaxError: bad

      --------------------------
      Warnings
      \tpacks/p.yml:2 (P)
      \t\tnames unknown ids

      """;

  @Test
  void printsEveryTestAndTheSummary() {
    assertThat(TextReportWriter.toText(ReportFixture.report(), false)).isEqualTo("""
        Pass.Rule
        \t[PASS] fires

        Fail.Rule
        \t[FAIL] fires
        \t\t[FAIL] [rule] expected True, got an error: KeyError: 'a'
        \t\t       Traceback: line 3
        \t[PASS] quiet
        \t[FAIL] Insufficient test coverage: 3 tests required but only 2 found

        Untested.Rule
        \tNo tests configured for Untested.Rule

        Corr
        \t[SKIP] correlation rules are not evaluated yet; 1 test(s) not run

        Broken.Rule
        \t[INVALID] SyntaxError: bad

        """ + SUMMARY);
  }

  @Test
  void showFailuresOnlyLeavesOutPassingAndSkippedDetections() {
    assertThat(TextReportWriter.toText(ReportFixture.report(), true)).isEqualTo("""
        Fail.Rule
        \t[FAIL] fires
        \t\t[FAIL] [rule] expected True, got an error: KeyError: 'a'
        \t\t       Traceback: line 3
        \t[FAIL] Insufficient test coverage: 3 tests required but only 2 found

        Broken.Rule
        \t[INVALID] SyntaxError: bad

        """ + SUMMARY);
  }

  @Test
  void endsWithTheRunNotes() {
    TestReport report = new TestReport(java.util.List.of(), java.util.List.of(),
        java.util.List.of("nothing to test: no spec was loaded; check the detections path"));
    assertThat(TextReportWriter.toText(report, false))
        .endsWith("--------------------------\nnothing to test: no spec was loaded; check the detections path\n");
  }
}
