package dev.tarn.detect.testing;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.Severity;
import dev.tarn.detect.python.RuleOutcome;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made detections, tests and outcomes: no YAML, no Python. */
final class Fixtures {
  private Fixtures() {}

  static Detection detection(AnalysisType type, String id, boolean createAlert, List<DetectionTest> tests) {
    return detection(type, id, true, createAlert, Severity.HIGH, List.of("AWS.CloudTrail"), List.of(), tests, "x = 1");
  }

  static Detection detection(AnalysisType type, String id, boolean enabled, boolean createAlert, Severity severity,
      List<String> logTypes, List<String> tags, List<DetectionTest> tests, String python) {
    return new Detection(type, id, enabled, Path.of("rules/" + id + ".yml"), null, python,
        python == null ? List.of() : null, null, null, null, null,
        type == AnalysisType.RULE ? logTypes : List.of(), List.of(), List.of(), severity, id, null, null, null, 60, 1,
        List.of(), tags, Map.of(), createAlert, List.of(), null, tests, null, "0123456789abcdef");
  }

  static Detection rule(String id, DetectionTest... tests) {
    return detection(AnalysisType.RULE, id, true, List.of(tests));
  }

  static Detection policy(String id, DetectionTest... tests) {
    return detection(AnalysisType.POLICY, id, true, List.of(tests));
  }

  static Detection simple(String id, DetectionTest... tests) {
    return detection(AnalysisType.RULE, id, true, true, Severity.LOW, List.of("GitHub.Audit"), List.of(),
        List.of(tests), null);
  }

  static DetectionTest test(String name, boolean expected) {
    return new DetectionTest(name, expected, Map.of("p_log_type", "AWS.CloudTrail"), List.of());
  }

  static RuleOutcome outcome(Boolean matched) {
    return outcome(matched, null, Map.of());
  }

  static RuleOutcome outcome(Boolean matched, String error, Map<String, String> functionErrors) {
    return new RuleOutcome("id", matched, error, null, null, null, null, null, null, null, null, functionErrors,
        null);
  }

  /** Function errors in the order given. */
  static Map<String, String> errors(String... nameThenError) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameThenError.length; i += 2) {
      map.put(nameThenError[i], nameThenError[i + 1]);
    }
    return map;
  }

  static DetectionPack pack(List<Detection> detections, List<LoadProblem> problems) {
    return new DetectionPack(detections, List.of(), List.of(), List.of(), List.of(), problems);
  }
}
