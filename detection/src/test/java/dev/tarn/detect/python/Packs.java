package dev.tarn.detect.python;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.DataModel;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.pack.GlobalModule;
import dev.tarn.detect.pack.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Detection packs written inline for the runtime tests (the YAML loader is tested elsewhere). */
final class Packs {

  private Packs() {}

  static Detection rule(String id, String source) {
    return detection(AnalysisType.RULE, id, source, Severity.MEDIUM, true, List.of("Test.Log"));
  }

  static Detection rule(String id, String source, Severity severity) {
    return detection(AnalysisType.RULE, id, source, severity, true, List.of("Test.Log"));
  }

  static Detection signal(String id, String source) {
    return detection(AnalysisType.RULE, id, source, Severity.LOW, false, List.of("Test.Log"));
  }

  static Detection scheduledRule(String id, String source) {
    return detection(AnalysisType.SCHEDULED_RULE, id, source, Severity.HIGH, true, List.of());
  }

  static Detection policy(String id, String source) {
    return detection(AnalysisType.POLICY, id, source, Severity.HIGH, true, List.of());
  }

  static Detection detection(AnalysisType type, String id, String source, Severity severity, boolean createAlert,
      List<String> logTypes) {
    Path py = Path.of("rules", id.replace('.', '_') + ".py");
    return new Detection(type, id, true, Path.of("rules", id.replace('.', '_') + ".yml"), py, source, null, null,
        null, null, null, logTypes, List.of(), List.of(), severity, id, null, null, null, 60, 1, List.of(),
        List.of(), Map.of(), createAlert, List.of(), null, List.of(), null, Integer.toHexString(source.hashCode()));
  }

  static GlobalModule global(String id, String source) {
    return new GlobalModule(id, Path.of("global_helpers", id + ".yml"), Path.of("global_helpers", id + ".py"),
        source);
  }

  static DataModel dataModel(String id, List<String> logTypes, List<DataModel.Mapping> mappings, String source) {
    return new DataModel(id, true, logTypes, mappings, Path.of("data_models", id + ".yml"),
        source == null ? null : Path.of("data_models", id + ".py"), source);
  }

  static DataModel.Mapping path(String name, String path) {
    return new DataModel.Mapping(name, path, null);
  }

  static DataModel.Mapping method(String name, String method) {
    return new DataModel.Mapping(name, null, method);
  }

  static DetectionPack pack(List<Detection> detections, List<DataModel> models, List<GlobalModule> globals) {
    return new DetectionPack(detections, models, globals, List.of(), List.of(), List.of());
  }

  static DetectionPack pack(Detection... detections) {
    return pack(List.of(detections), List.of(), List.of());
  }

  static DetectionTest test(Map<String, Object> log, DetectionTest.Mock... mocks) {
    return new DetectionTest("test", true, log, List.of(mocks));
  }

  static DetectionTest.Mock mock(String name, Object value) {
    return new DetectionTest.Mock(name, value);
  }

  /** Python source from lines. */
  static String py(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
