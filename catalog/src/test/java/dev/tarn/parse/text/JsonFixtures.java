package dev.tarn.parse.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Expected events written as JSON text, so tests read like the events they expect. */
public final class JsonFixtures {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFixtures() {}

  public static ObjectNode event(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Bad fixture: " + json, e);
    }
  }
}
