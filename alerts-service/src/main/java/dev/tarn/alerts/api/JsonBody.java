package dev.tarn.alerts.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON object body, read field by field so each mistake is reported with the field's name and what was
 * expected, instead of a data-binding stack trace.
 */
final class JsonBody {
  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /** The body of {@code ctx} as a JSON object; an empty body reads as {@code {}}. */
  static JsonBody of(Context ctx, ObjectMapper mapper) {
    String text = ctx.body();
    if (text.isBlank()) {
      return new JsonBody(mapper.createObjectNode());
    }
    JsonNode parsed;
    try {
      parsed = mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")") + "; send a JSON object");
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw ApiException.badRequest("Request body must be a JSON object, not " + kind(parsed));
    }
    return new JsonBody(object);
  }

  /** True when the field is present, even as null. */
  boolean has(String field) {
    return node.has(field);
  }

  /** A string field, or null when absent or null. */
  String text(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest("Field '" + field + "' must be a string, not " + kind(v));
    }
    return v.asText();
  }

  String requiredText(String field) {
    String v = text(field);
    if (v == null || v.isBlank()) {
      throw ApiException.badRequest("Field '" + field + "' is required and must be a non-empty string");
    }
    return v.trim();
  }

  boolean bool(String field, boolean fallback) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isBoolean()) {
      throw ApiException.badRequest("Field '" + field + "' must be true or false, not " + kind(v));
    }
    return v.asBoolean();
  }

  /** A list of strings, or an empty list when absent or null. */
  List<String> textList(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw ApiException.badRequest("Field '" + field + "' must be an array of strings, not " + kind(v));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isTextual()) {
        throw ApiException.badRequest("Field '" + field + "[" + i + "]' must be a string, not " + kind(item));
      }
      out.add(item.asText());
    }
    return List.copyOf(out);
  }

  /**
   * An object of settings. Numbers and booleans are accepted and kept as their text (destination settings are
   * strings); nested objects and arrays are refused.
   */
  Map<String, String> textMap(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Map.of();
    }
    if (!v.isObject()) {
      throw ApiException.badRequest("Field '" + field + "' must be an object of string values, not " + kind(v));
    }
    Map<String, String> out = new LinkedHashMap<>();
    var fields = v.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      JsonNode item = e.getValue();
      if (item.isNull()) {
        continue;
      }
      if (!item.isValueNode()) {
        throw ApiException.badRequest("Field '" + field + "." + e.getKey() + "' must be a string, not " + kind(item));
      }
      out.put(e.getKey(), item.asText());
    }
    return out;
  }

  private static String kind(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    return "a number";
  }
}
