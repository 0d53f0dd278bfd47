package dev.tarn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** One golden case of Panther's parser tests: an input record and the normalized events it must yield. */
record GoldenCase(Path file, String name, String logType, String input, List<JsonNode> expected) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @SuppressWarnings("unchecked")
  static List<GoldenCase> read(Path file) throws Exception {
    List<GoldenCase> cases = new ArrayList<>();
    Load load = new Load(LoadSettings.builder().build());
    for (Object doc : load.loadAllFromString(java.nio.file.Files.readString(file))) {
      if (!(doc instanceof Map<?, ?> map) || !map.containsKey("logType")) {
        continue;
      }
      String logType = String.valueOf(map.get("logType"));
      List<JsonNode> expected = new ArrayList<>();
      if (map.get("result") != null) {
        expected.add(json(String.valueOf(map.get("result")), logType));
      }
      if (map.get("results") instanceof List<?> results) {
        for (Object r : results) {
          expected.add(json(String.valueOf(r), logType));
        }
      }
      cases.add(new GoldenCase(file, String.valueOf(map.get("name")), logType,
          String.valueOf(map.get("input")).strip(), expected));
    }
    return cases;
  }

  private static JsonNode json(String text, String logType) throws Exception {
    return MAPPER.readTree(text.replaceAll("\\{\\{\\s*\\.LogType\\s*\\}\\}", logType));
  }

  @Override
  public String toString() {
    return file.getFileName() + ": " + name + " (" + logType + ")";
  }
}
