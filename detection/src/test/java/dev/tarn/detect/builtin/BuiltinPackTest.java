package dev.tarn.detect.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.PackLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in pack in {@code detections/} at the repository root loads cleanly and is tested both ways. */
class BuiltinPackTest {
  static final Path BUILTIN = Path.of("..", "detections");

  @Test
  void loadsWithoutErrors() {
    DetectionPack pack = PackLoader.load(List.of(BUILTIN));
    assertThat(pack.problems().stream().filter(LoadProblem::isError)).isEmpty();
    assertThat(pack.detections()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void everyDetectionHasAPositiveAndANegativeTest() {
    DetectionPack pack = PackLoader.load(List.of(BUILTIN));
    for (Detection d : pack.detections()) {
      assertThat(d.tests()).as(d.id()).anyMatch(t -> t.expectedResult() == (d.type() != AnalysisType.POLICY));
      assertThat(d.tests()).as(d.id()).anyMatch(t -> t.expectedResult() != (d.type() != AnalysisType.POLICY));
    }
  }

  @Test
  void hasAtLeastFiftyPythonCloudTrailRulesForTheBenchmark() {
    DetectionPack pack = PackLoader.load(List.of(BUILTIN));
    assertThat(pack.detections().stream()
        .filter(d -> d.type() == AnalysisType.RULE && !d.isSimple() && d.logTypes().contains("AWS.CloudTrail")))
        .hasSizeGreaterThanOrEqualTo(50);
  }
}
