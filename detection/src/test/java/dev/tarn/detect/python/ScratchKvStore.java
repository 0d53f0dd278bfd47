package dev.tarn.detect.python;

import dev.tarn.detect.kv.EmbeddedKvStore;
import dev.tarn.detect.kv.Expiry;
import dev.tarn.detect.kv.KvStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The real embedded store, in a fresh file of its own: what runtime tests give panther_detection_helpers.caching. */
final class ScratchKvStore implements KvStore {
  private final EmbeddedKvStore store;

  ScratchKvStore() {
    try {
      Path dir = Files.createTempDirectory("tarn-kv-test");
      this.store = EmbeddedKvStore.open(dir.resolve("kv.mv.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Long expiresAt(String key) {
    return store.expiresAt(key);
  }

  @Override
  public Set<String> getStringSet(String key) {
    return store.getStringSet(key);
  }

  @Override
  public void putStringSet(String key, Set<String> value, Long epochSeconds) {
    store.putStringSet(key, value, epochSeconds);
  }

  @Override
  public Set<String> addToStringSet(String key, Set<String> values, Expiry expiry) {
    return store.addToStringSet(key, values, expiry);
  }

  @Override
  public Set<String> removeFromStringSet(String key, Set<String> values, Expiry expiry) {
    return store.removeFromStringSet(key, values, expiry);
  }

  @Override
  public Map<String, Object> getDictionary(String key) {
    return store.getDictionary(key);
  }

  @Override
  public void putDictionary(String key, Map<String, Object> value, Long epochSeconds) {
    store.putDictionary(key, value, epochSeconds);
  }

  @Override
  public long getCounter(String key) {
    return store.getCounter(key);
  }

  @Override
  public long incrementCounter(String key, long by, Expiry expiry) {
    return store.incrementCounter(key, by, expiry);
  }

  @Override
  public void resetCounter(String key) {
    store.resetCounter(key);
  }

  @Override
  public void setExpiration(String key, long epochSeconds) {
    store.setExpiration(key, epochSeconds);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }

  @Override
  public void close() {
    store.close();
  }
}
