package dev.tarn.detect.python;

import dev.tarn.detect.kv.KvStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A HashMap-backed {@link KvStore} for tests, with Panther's expiry rules. */
final class MemoryKvStore implements KvStore {

  private static final long DEFAULT_TTL_SECONDS = 90L * 24 * 3600;

  private record Item(Object value, long expiresAt) {}

  private final Map<String, Item> items = new HashMap<>();
  private final Clock clock;

  MemoryKvStore() {
    this(Clock.systemUTC());
  }

  MemoryKvStore(Clock clock) {
    this.clock = clock;
  }

  private long now() {
    return clock.millis() / 1000;
  }

  private long expiry(Long epochSeconds) {
    if (epochSeconds == null) {
      return now() + DEFAULT_TTL_SECONDS;
    }
    return epochSeconds < 1_000_000_000L ? now() + epochSeconds : epochSeconds;
  }

  private synchronized Object live(String key) {
    Item item = items.get(key);
    if (item == null) {
      return null;
    }
    if (item.expiresAt() <= now()) {
      items.remove(key);
      return null;
    }
    return item.value();
  }

  /** When the item under key expires (epoch seconds), or null when there is none. */
  synchronized Long expiresAt(String key) {
    Item item = items.get(key);
    return item == null ? null : item.expiresAt();
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized Set<String> getStringSet(String key) {
    Object value = live(key);
    return value instanceof Set<?> set ? Set.copyOf((Set<String>) set) : Set.of();
  }

  @Override
  public synchronized void putStringSet(String key, Set<String> value, Long epochSeconds) {
    items.put(key, new Item(new LinkedHashSet<>(value), expiry(epochSeconds)));
  }

  @Override
  public synchronized void addToStringSet(String key, Set<String> values) {
    Set<String> merged = new LinkedHashSet<>(getStringSet(key));
    merged.addAll(values);
    Item old = items.get(key);
    items.put(key, new Item(merged, old == null ? expiry(null) : old.expiresAt()));
  }

  @Override
  public synchronized void removeFromStringSet(String key, Set<String> values) {
    Set<String> rest = new LinkedHashSet<>(getStringSet(key));
    rest.removeAll(values);
    Item old = items.get(key);
    if (old != null) {
      items.put(key, new Item(rest, old.expiresAt()));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public synchronized Map<String, Object> getDictionary(String key) {
    Object value = live(key);
    return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : Map.of();
  }

  @Override
  public synchronized void putDictionary(String key, Map<String, Object> value, Long epochSeconds) {
    items.put(key, new Item(new LinkedHashMap<>(value), expiry(epochSeconds)));
  }

  @Override
  public synchronized long getCounter(String key) {
    Object value = live(key);
    return value instanceof Long count ? count : 0L;
  }

  @Override
  public synchronized long incrementCounter(String key, long by) {
    long count = getCounter(key) + by;
    Item old = items.get(key);
    items.put(key, new Item(count, old == null ? expiry(null) : old.expiresAt()));
    return count;
  }

  @Override
  public synchronized void resetCounter(String key) {
    items.remove(key);
  }

  @Override
  public synchronized void setExpiration(String key, long epochSeconds) {
    Item old = items.get(key);
    if (old != null) {
      items.put(key, new Item(old.value(), expiry(epochSeconds)));
    }
  }

  @Override
  public synchronized void delete(String key) {
    items.remove(key);
  }

  @Override
  public void close() {}
}
