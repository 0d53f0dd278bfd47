package dev.tarn.detect.kv;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The argument checks every store makes, so the embedded store rejects exactly what DynamoDB would. */
final class KvArguments {

  /** DynamoDB's limit for a partition key value. */
  static final int MAX_KEY_BYTES = 2048;

  private KvArguments() {}

  static String checkKey(String key) {
    requireNonNull(key, "key is null");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("Invalid KV key: empty (keys must be 1 to " + MAX_KEY_BYTES + " bytes)");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          "Invalid KV key: " + bytes + " bytes (keys must be 1 to " + MAX_KEY_BYTES + " bytes in UTF-8); key starts "
              + key.substring(0, 40));
    }
    return key;
  }

  /** An immutable copy of {@code values}; Set.copyOf also rejects null elements. */
  static Set<String> checkValues(String key, Set<String> values) {
    requireNonNull(values, "values is null");
    try {
      return Set.copyOf(values);
    } catch (NullPointerException e) {
      throw new IllegalArgumentException("Invalid string set for KV key '" + key + "': it contains null", e);
    }
  }

  /** The checks of a change to a string set: the key, the values (copied, as {@link #checkValues}) and the expiry. */
  static Set<String> checkSetChange(String key, Set<String> values, Expiry expiry) {
    Set<String> copy = checkValues(checkKey(key), values);
    requireNonNull(expiry, "expiry is null");
    return copy;
  }
}
