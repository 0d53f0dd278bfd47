package dev.tarn.detect.match;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Test input the way production gets it: YAML through snakeyaml-engine, events as JSON. */
final class Yaml {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private Yaml() {}

  static Object load(String yaml) {
    return new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> event(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a Detection list written as YAML. */
  static MatchExpression detection(String yaml) {
    return MatchParser.parse(load(yaml), false);
  }
}
