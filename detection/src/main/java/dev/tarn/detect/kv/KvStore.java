package dev.tarn.detect.kv;

import java.util.Map;
import java.util.Set;

/**
 * The key-value store behind {@code panther_detection_helpers.caching} (Panther's {@code panther-kv-store}). Every
 * item has an expiry; expired items read as absent. Implementations are thread-safe.
 *
 * <p>Expiry follows Panther: an {@code epochSeconds} below 1e9 is relative (seconds from now); null means 90 days.
 */
public interface KvStore extends AutoCloseable {

  /** The string set under {@code key}, empty when absent or expired. */
  Set<String> getStringSet(String key);

  void putStringSet(String key, Set<String> value, Long epochSeconds);

  void addToStringSet(String key, Set<String> values);

  void removeFromStringSet(String key, Set<String> values);

  /** The dictionary (JSON object) under {@code key}, empty when absent or expired. */
  Map<String, Object> getDictionary(String key);

  void putDictionary(String key, Map<String, Object> value, Long epochSeconds);

  long getCounter(String key);

  /** Adds {@code by} to the counter and returns the new value. */
  long incrementCounter(String key, long by);

  void resetCounter(String key);

  void setExpiration(String key, long epochSeconds);

  void delete(String key);

  @Override
  void close();
}
