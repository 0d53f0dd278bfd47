package dev.tarn.detect.kv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.Map;

/**
 * Dictionaries as JSON text, the way Panther's {@code put_dictionary} stores them ({@code json.dumps} into one string
 * attribute), so both stores read what the other, or Panther, wrote.
 */
final class DictionaryJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private DictionaryJson() {}

  static String write(String key, Map<String, Object> value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Invalid dictionary for KV key '" + key + "': it cannot be written as JSON (" + e.getOriginalMessage()
              + "); use strings, numbers, booleans, null, lists and maps with string keys",
          e);
    }
  }

  static Map<String, Object> read(String key, String json) {
    try {
      Map<String, Object> value = MAPPER.readValue(json, MAP);
      if (value == null) {
        throw new KvStoreException("KV key '" + key + "' holds a dictionary that is JSON null, not an object");
      }
      return Collections.unmodifiableMap(value);
    } catch (JsonProcessingException e) {
      throw new KvStoreException(
          "KV key '" + key + "' holds a dictionary that is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }
}
