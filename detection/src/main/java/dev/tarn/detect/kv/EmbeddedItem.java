package dev.tarn.detect.kv;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One item of the embedded store, stored as JSON text with Panther's DynamoDB attribute names. Null components are
 * absent values; a null {@code expiresAt} never expires.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EmbeddedItem(Long expiresAt, Long intCount, Set<String> stringSet, String dictionary) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** What a write to an absent or expired key starts from. */
  static final EmbeddedItem NONE = new EmbeddedItem(null, null, null, null);

  EmbeddedItem {
    stringSet = stringSet == null || stringSet.isEmpty() ? null : Set.copyOf(stringSet);
  }

  static EmbeddedItem read(String key, String json) {
    try {
      return MAPPER.readValue(json, EmbeddedItem.class);
    } catch (JsonProcessingException e) {
      throw new KvStoreException("Embedded KV store: item '" + key + "' is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a KV item as JSON", e);
    }
  }

  boolean isExpired(long now) {
    return Expiry.isExpired(expiresAt, now);
  }

  /** The string set; empty when absent. */
  Set<String> strings() {
    return stringSet == null ? Set.of() : stringSet;
  }

  /** The counter; 0 when absent. */
  long count() {
    return intCount == null ? 0 : intCount;
  }

  /** Nothing to keep: no values and no expiry, so the item reads exactly like a missing one. */
  boolean isBlank() {
    return expiresAt == null && intCount == null && stringSet == null && dictionary == null;
  }

  EmbeddedItem withCounter(Long value) {
    return new EmbeddedItem(expiresAt, value, stringSet, dictionary);
  }

  EmbeddedItem withStringSet(Set<String> value) {
    return new EmbeddedItem(expiresAt, intCount, value, dictionary);
  }

  EmbeddedItem withExpiresAt(long value) {
    return new EmbeddedItem(value, intCount, stringSet, dictionary);
  }

  /** Applies a resolved {@link Expiry}: empty keeps the current one. */
  EmbeddedItem withExpiry(OptionalLong value) {
    return value.isPresent() ? withExpiresAt(value.getAsLong()) : this;
  }
}
