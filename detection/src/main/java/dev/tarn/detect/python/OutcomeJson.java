package dev.tarn.detect.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the outcomes the Python driver returns (JSON objects named like {@link RuleOutcome}'s components). */
final class OutcomeJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private OutcomeJson() {}

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the Python driver returned invalid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Appends the outcomes of a JSON array to {@code into}. */
  static void readAll(JsonNode array, List<RuleOutcome> into) {
    for (JsonNode node : array) {
      into.add(read(node));
    }
  }

  static RuleOutcome read(JsonNode node) {
    JsonNode matched = node.get("matched");
    return new RuleOutcome(
        text(node, "detectionId"),
        matched == null || matched.isNull() ? null : matched.asBoolean(),
        text(node, "error"),
        text(node, "title"),
        text(node, "dedup"),
        text(node, "severity"),
        text(node, "alertContextJson"),
        text(node, "description"),
        text(node, "reference"),
        text(node, "runbook"),
        strings(node.get("destinations")),
        errors(node.get("functionErrors")),
        text(node, "output"));
  }

  static RuleOutcome error(String detectionId, String error) {
    return new RuleOutcome(detectionId, null, error, null, null, null, null, null, null, null, null, Map.of(), null);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> strings(JsonNode array) {
    if (array == null || array.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(item -> out.add(item.asText()));
    return Collections.unmodifiableList(out);
  }

  private static Map<String, String> errors(JsonNode object) {
    if (object == null || object.isNull() || object.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      out.put(field.getKey(), field.getValue().asText());
    }
    return Collections.unmodifiableMap(out);
  }
}
