package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.detect.kv.KvStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.HostAccess;

/**
 * The one host object Python code can reach: {@code panther_detection_helpers.caching} calls it to use the runtime's
 * {@link KvStore}. Values cross as JSON text so the guest needs no access to Java collections (GraalPy runs with
 * {@link HostAccess#EXPLICIT}: only the methods marked {@link HostAccess.Export} are visible).
 */
public final class KvBridge {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final KvStore store;

  public KvBridge(KvStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  @HostAccess.Export
  public String getStringSet(String key) {
    return write(store.getStringSet(key));
  }

  /** {@code epochSeconds} −1 means "not given" (90 days); below 1e9 it is relative, as the store defines. */
  @HostAccess.Export
  public void putStringSet(String key, String jsonArray, long epochSeconds) {
    store.putStringSet(key, readSet(jsonArray), epoch(epochSeconds));
  }

  @HostAccess.Export
  public void addToStringSet(String key, String jsonArray) {
    store.addToStringSet(key, readSet(jsonArray));
  }

  @HostAccess.Export
  public void removeFromStringSet(String key, String jsonArray) {
    store.removeFromStringSet(key, readSet(jsonArray));
  }

  @HostAccess.Export
  public String getDictionary(String key) {
    return write(store.getDictionary(key));
  }

  @HostAccess.Export
  public void putDictionary(String key, String jsonObject, long epochSeconds) {
    try {
      store.putDictionary(key, JSON.readValue(jsonObject, OBJECT), epoch(epochSeconds));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("put_dictionary: not a JSON object: " + e.getOriginalMessage(), e);
    }
  }

  @HostAccess.Export
  public long getCounter(String key) {
    return store.getCounter(key);
  }

  @HostAccess.Export
  public long incrementCounter(String key, long by) {
    return store.incrementCounter(key, by);
  }

  @HostAccess.Export
  public void setExpiration(String key, long epochSeconds) {
    store.setExpiration(key, epochSeconds);
  }

  @HostAccess.Export
  public void delete(String key) {
    store.delete(key);
  }

  private static Long epoch(long epochSeconds) {
    return epochSeconds < 0 ? null : epochSeconds;
  }

  private static Set<String> readSet(String jsonArray) {
    try {
      return new LinkedHashSet<>(JSON.readValue(jsonArray, STRINGS));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("string set: not a JSON array of strings: " + e.getOriginalMessage(), e);
    }
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("KV value cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
