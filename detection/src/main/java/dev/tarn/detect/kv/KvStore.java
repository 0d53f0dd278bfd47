package dev.tarn.detect.kv;

import java.util.Map;
import java.util.Set;

/**
 * The key-value store behind {@code panther_detection_helpers.caching} (Panther's {@code panther-kv-store}). Every
 * item has an expiry; expired items read as absent. Implementations are thread-safe.
 *
 * <p>Expiry follows Panther: an {@code epochSeconds} below 1e9 is relative (seconds from now); null means 90 days.
 *
 * <p>One key holds one item, which may carry a counter, a string set and a dictionary at once (Panther's DynamoDB
 * attributes {@code intCount}, {@code stringSet}, {@code dictionary}) and one expiry for all of them. As in Panther,
 * {@code putStringSet} with a non-empty set and {@code putDictionary} replace the whole item; the other writes change
 * one value. A write to an expired key starts a fresh item: nothing of the expired one comes back.
 */
public interface KvStore extends AutoCloseable {

  /** The string set under {@code key}, empty when absent or expired. */
  Set<String> getStringSet(String key);

  /**
   * Replaces the item under {@code key} with this string set. An empty set removes only the string set and leaves
   * the expiry alone (Panther's {@code reset_string_set}).
   */
  void putStringSet(String key, Set<String> value, Long epochSeconds);

  /** Adds {@code values} to the string set and sets the expiry to 90 days from now (Panther's default). */
  default void addToStringSet(String key, Set<String> values) {
    addToStringSet(key, values, Expiry.defaultTtl());
  }

  /** Adds {@code values} to the string set, applies {@code expiry}, and returns the set after the change. */
  Set<String> addToStringSet(String key, Set<String> values, Expiry expiry);

  /** Removes {@code values} from the string set and sets the expiry to 90 days from now (Panther's default). */
  default void removeFromStringSet(String key, Set<String> values) {
    removeFromStringSet(key, values, Expiry.defaultTtl());
  }

  /**
   * Removes {@code values} from the string set, applies {@code expiry} when the key is live, and returns the set after
   * the change (empty when the key was absent or expired).
   */
  Set<String> removeFromStringSet(String key, Set<String> values, Expiry expiry);

  /** The dictionary (JSON object) under {@code key}, empty when absent or expired. */
  Map<String, Object> getDictionary(String key);

  /**
   * Replaces the item under {@code key} with this dictionary, stored as JSON text.
   *
   * @throws IllegalArgumentException when the value cannot be written as JSON
   */
  void putDictionary(String key, Map<String, Object> value, Long epochSeconds);

  long getCounter(String key);

  /**
   * Adds {@code by} to the counter and returns the new value. Sets the expiry to 90 days from now (Panther's
   * default).
   */
  default long incrementCounter(String key, long by) {
    return incrementCounter(key, by, Expiry.defaultTtl());
  }

  /** Adds {@code by} to the counter, applies {@code expiry}, and returns the new value. */
  long incrementCounter(String key, long by, Expiry expiry);

  /** Removes the counter (it reads as 0); the item's other values and its expiry stay. */
  void resetCounter(String key);

  /** Sets a live key's expiry (Panther rules for {@code epochSeconds}); absent or expired keys are left alone. */
  void setExpiration(String key, long epochSeconds);

  /** Removes the item and all its values. */
  void delete(String key);

  @Override
  void close();
}
