package dev.tarn.detect.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.PackLoader;
import dev.tarn.detect.python.RuleOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The loader's fixture pack through a whole test run, with runners that behave as each test expects. */
class LoadedPackTestRunTest {
  static final DetectionPack PACK = PackLoader.load(Path.of("src/test/resources/packs/valid"));

  /** Alerts exactly when the test expects the alert value, so every test passes. */
  static RuleOutcome obedient(dev.tarn.detect.pack.Detection d, dev.tarn.detect.pack.DetectionTest t) {
    boolean alert = d.type() == AnalysisType.POLICY ? !t.expectedResult() : t.expectedResult();
    return new RuleOutcome(d.id(), alert, null, null, null, null, null, null, null, null, null, Map.of(), null);
  }

  @Test
  void passesAPackWhoseTestsAllPass() {
    TestReport report = new TestRun(LoadedPackTestRunTest::obedient, (d, t) -> t.expectedResult(),
        TestOptions.defaults()).run(PACK);
    assertThat(report.passed()).isEqualTo(5);
    assertThat(report.skipped()).isEqualTo(1);
    assertThat(report.failed()).isZero();
    assertThat(report.invalid()).isZero();
    assertThat(report.exitCode()).isZero();
    assertThat(TextReportWriter.toText(report, false)).contains("Warnings").contains("lookup tables are not supported");
  }

  @Test
  void filtersByAnalysisTypeOnALoadedPack() {
    TestReport report = new TestRun(LoadedPackTestRunTest::obedient, (d, t) -> t.expectedResult(),
        TestOptions.defaults().withFilters(java.util.List.of(DetectionFilter.parse("AnalysisType=policy"))))
        .run(PACK);
    assertThat(report.detections()).extracting(r -> r.detection().id()).containsExactly("Example.Policy");
  }
}
