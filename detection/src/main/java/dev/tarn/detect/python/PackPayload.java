package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.DataModel;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.GlobalModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Python side of a {@link DetectionPack}: what the driver module ({@code _tarn_runner}) loads, as JSON texts, and a
 * fingerprint of it that keys warm runtimes in the {@link RuntimePool}.
 *
 * <p>Only Python detections are loaded (rules, scheduled rules, policies with a {@code Filename}); simple YAML
 * detections and correlation rules are evaluated elsewhere. Only enabled data models take part, as in Panther.
 */
final class PackPayload {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<GlobalModule> globals;
  private final List<DataModel> dataModels;
  private final List<Detection> detections;
  private final String fingerprint;

  PackPayload(DetectionPack pack) {
    requireNonNull(pack, "pack is null");
    globals = List.copyOf(pack.globals());
    dataModels = pack.dataModels().stream().filter(DataModel::enabled).toList();
    detections = pack.detections().stream()
        .filter(d -> d.type() != null && d.type().isDetection() && !d.isSimple())
        .toList();
    fingerprint = computeFingerprint();
  }

  List<GlobalModule> globals() {
    return globals;
  }

  List<DataModel> dataModels() {
    return dataModels;
  }

  List<Detection> detections() {
    return detections;
  }

  /** True when some global, data model or detection source contains {@code text}. */
  boolean mentions(String text) {
    return globals.stream().anyMatch(g -> contains(g.pythonSource(), text))
        || dataModels.stream().anyMatch(m -> contains(m.pythonSource(), text))
        || detections.stream().anyMatch(d -> contains(d.pythonSource(), text));
  }

  private static boolean contains(String source, String text) {
    return source != null && source.contains(text);
  }

  /** A SHA-256 over everything the interpreter loads; equal packs share warm runtimes. */
  String fingerprint() {
    return fingerprint;
  }

  static String filename(Path file, String fallback) {
    return file == null ? fallback : file.toString();
  }

  static String globalFilename(GlobalModule global) {
    return filename(global.pythonFile(), global.id() + ".py");
  }

  static String detectionSpec(Detection detection) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", detection.id());
    spec.put("type", detection.type().yamlName());
    spec.put("severity", detection.severity() == null ? "INFO" : detection.severity().name());
    spec.put("createAlert", detection.createAlert());
    spec.put("filename", filename(detection.pythonFile(), detection.id() + ".py"));
    spec.put("source", detection.pythonSource());
    return json(spec);
  }

  static String dataModelSpec(DataModel model) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("id", model.id());
    spec.put("logTypes", model.logTypes());
    List<Map<String, String>> mappings = new ArrayList<>();
    for (DataModel.Mapping mapping : model.mappings()) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("name", mapping.name());
      m.put("path", mapping.path());
      m.put("method", mapping.method());
      mappings.add(m);
    }
    spec.put("mappings", mappings);
    spec.put("filename", filename(model.pythonFile(), model.id() + ".py"));
    spec.put("source", model.pythonSource());
    return json(spec);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
    }
  }

  private String computeFingerprint() {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
    for (GlobalModule global : globals) {
      update(digest, "global", global.id(), globalFilename(global), global.pythonSource());
    }
    for (DataModel model : dataModels) {
      update(digest, "datamodel", dataModelSpec(model));
    }
    for (Detection detection : detections) {
      update(digest, "detection", detectionSpec(detection));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String... parts) {
    for (String part : parts) {
      byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
  }
}
