package dev.tarn.alerts.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** JSON text columns (lists and maps of strings) to and from Java values. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static List<String> stringList(String json) {
    if (json == null) {
      return null;
    }
    try {
      return MAPPER.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt JSON list in the alerts database: " + e.getOriginalMessage(), e);
    }
  }

  public static Map<String, String> stringMap(String json) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt JSON object in the alerts database: " + e.getOriginalMessage(), e);
    }
  }
}
