package dev.tarn.detect.kv;

import static dev.tarn.detect.kv.KvArguments.checkKey;
import static dev.tarn.detect.kv.KvArguments.checkSetChange;
import static dev.tarn.detect.kv.KvArguments.checkValues;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-machine {@link KvStore}: one H2 MVStore file (in production {@code <lake>/_kv/kv.mv.db}, see {@link
 * KvConfig#defaultPath}). Each item is kept as JSON text with its expiry, using Panther's attribute names.
 *
 * <p>Any number of threads of one JVM may share one instance; writes to one key are serialized by a striped lock so
 * read-modify-write operations (increments, set additions) are atomic. Only one process, and within it only one
 * instance, may open a file at a time: MVStore locks the file, and a second open fails with a {@link
 * KvStoreException}. Open the store once per process and share it.
 *
 * <p>Expired items read as absent straight away; their space is reclaimed when the store is opened and by {@link
 * #purgeExpired()}. Changes reach the file within about a second (MVStore's background commit) and on {@link
 * #close()}; a crash may lose the last second of writes, which a cache can afford.
 */
public final class EmbeddedKvStore implements KvStore {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKvStore.class);
  private static final String MAP_NAME = "panther-kv-store";
  private static final int LOCK_STRIPES = 64;

  private final Path file;
  private final Clock clock;
  private final MVStore store;
  private final MVMap<String, String> items;
  private final Object[] locks = new Object[LOCK_STRIPES];

  private EmbeddedKvStore(Path file, Clock clock, MVStore store) {
    this.file = file;
    this.clock = clock;
    this.store = store;
    this.items = store.openMap(MAP_NAME);
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /** Opens (creating if needed, with its parent directories) the store file and purges expired items. */
  public static EmbeddedKvStore open(Path file, Clock clock) {
    requireNonNull(file, "file is null");
    requireNonNull(clock, "clock is null");
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of the embedded KV store " + absolute, e);
    }
    MVStore store;
    try {
      store = new MVStore.Builder().fileName(absolute.toString()).open();
    } catch (MVStoreException e) {
      if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
        throw new KvStoreException(
            "The embedded KV store " + absolute + " is already open in another process or by another instance in"
                + " this one; open it once per process and share it, or use the DynamoDB store for clusters",
            e);
      }
      throw new KvStoreException("Cannot open the embedded KV store " + absolute + ": " + e.getMessage(), e);
    }
    EmbeddedKvStore kv = new EmbeddedKvStore(absolute, clock, store);
    int purged = kv.purgeExpired();
    LOG.info("Opened embedded KV store {} ({} items, {} expired purged)", absolute, kv.items.size(), purged);
    return kv;
  }

  public static EmbeddedKvStore open(Path file) {
    return open(file, Clock.systemUTC());
  }

  public Path file() {
    return file;
  }

  /** When the live item under {@code key} expires (epoch seconds), or null when there is none. */
  public Long expiresAt(String key) {
    EmbeddedItem item = live(checkKey(key));
    return item == null ? null : item.expiresAt();
  }

  @Override
  public Set<String> getStringSet(String key) {
    EmbeddedItem item = live(checkKey(key));
    return item == null ? Set.of() : item.strings();
  }

  @Override
  public void putStringSet(String key, Set<String> value, Long epochSeconds) {
    Set<String> set = checkValues(checkKey(key), value);
    if (set.isEmpty()) {
      updateLive(key, item -> item.withStringSet(null));
      return;
    }
    put(key, set, null, epochSeconds);
  }

  @Override
  public Set<String> addToStringSet(String key, Set<String> values, Expiry expiry) {
    Set<String> added = checkSetChange(key, values, expiry);
    if (added.isEmpty()) {
      return getStringSet(key);
    }
    synchronized (lockFor(key)) {
      EmbeddedItem item = liveOrNone(key);
      Set<String> union = new HashSet<>(added);
      union.addAll(item.strings());
      EmbeddedItem next = item.withStringSet(union).withExpiry(expiry.resolve(clock));
      write(key, next);
      return next.stringSet();
    }
  }

  @Override
  public Set<String> removeFromStringSet(String key, Set<String> values, Expiry expiry) {
    Set<String> removed = checkSetChange(key, values, expiry);
    if (removed.isEmpty()) {
      return getStringSet(key);
    }
    synchronized (lockFor(key)) {
      EmbeddedItem item = live(key);
      if (item == null) {
        items.remove(key); // drops an expired item, as the DynamoDB store does
        return Set.of();
      }
      Set<String> rest = new HashSet<>(item.strings());
      rest.removeAll(removed);
      EmbeddedItem next = item.withStringSet(rest).withExpiry(expiry.resolve(clock));
      write(key, next);
      return next.strings();
    }
  }

  @Override
  public Map<String, Object> getDictionary(String key) {
    EmbeddedItem item = live(checkKey(key));
    return item == null || item.dictionary() == null ? Map.of() : DictionaryJson.read(key, item.dictionary());
  }

  @Override
  public void putDictionary(String key, Map<String, Object> value, Long epochSeconds) {
    checkKey(key);
    requireNonNull(value, "value is null");
    put(key, null, DictionaryJson.write(key, value), epochSeconds);
  }

  @Override
  public long getCounter(String key) {
    EmbeddedItem item = live(checkKey(key));
    return item == null ? 0 : item.count();
  }

  @Override
  public long incrementCounter(String key, long by, Expiry expiry) {
    checkKey(key);
    requireNonNull(expiry, "expiry is null");
    synchronized (lockFor(key)) {
      EmbeddedItem item = liveOrNone(key);
      long count = Math.addExact(item.count(), by);
      write(key, item.withCounter(count).withExpiry(expiry.resolve(clock)));
      return count;
    }
  }

  @Override
  public void resetCounter(String key) {
    updateLive(checkKey(key), item -> item.withCounter(null));
  }

  @Override
  public void setExpiration(String key, long epochSeconds) {
    long expiresAt = Expiry.resolve(epochSeconds, clock);
    updateLive(checkKey(key), item -> item.withExpiresAt(expiresAt));
  }

  @Override
  public void delete(String key) {
    checkKey(key);
    synchronized (lockFor(key)) {
      items.remove(key);
    }
  }

  /** Removes every expired item and returns how many it removed. */
  public int purgeExpired() {
    long now = Expiry.nowSeconds(clock);
    List<String> expired = new ArrayList<>();
    items.forEach(
        (key, json) -> {
          if (EmbeddedItem.read(key, json).isExpired(now)) {
            expired.add(key);
          }
        });
    int purged = 0;
    for (String key : expired) {
      synchronized (lockFor(key)) {
        String json = items.get(key); // re-read: a writer may have revived the key since the scan
        if (json != null && EmbeddedItem.read(key, json).isExpired(now)) {
          items.remove(key);
          purged++;
        }
      }
    }
    return purged;
  }

  @Override
  public void close() {
    if (!store.isClosed()) {
      store.close();
      LOG.info("Closed embedded KV store {}", file);
    }
  }

  /** The item under {@code key}, or null when absent or expired. */
  private EmbeddedItem live(String key) {
    String json = items.get(key);
    if (json == null) {
      return null;
    }
    EmbeddedItem item = EmbeddedItem.read(key, json);
    return item.isExpired(Expiry.nowSeconds(clock)) ? null : item;
  }

  private EmbeddedItem liveOrNone(String key) {
    EmbeddedItem item = live(key);
    return item == null ? EmbeddedItem.NONE : item;
  }

  /** Replaces the whole item, as Panther's put_string_set and put_dictionary do. */
  private void put(String key, Set<String> stringSet, String dictionary, Long epochSeconds) {
    long expiresAt = Expiry.resolve(epochSeconds, clock);
    synchronized (lockFor(key)) {
      write(key, new EmbeddedItem(expiresAt, null, stringSet, dictionary));
    }
  }

  /** Changes a live item; absent and expired keys stay as they are. */
  private void updateLive(String key, UnaryOperator<EmbeddedItem> change) {
    synchronized (lockFor(key)) {
      EmbeddedItem item = live(key);
      if (item != null) {
        write(key, change.apply(item));
      }
    }
  }

  private void write(String key, EmbeddedItem item) {
    if (item.isBlank()) {
      items.remove(key);
    } else {
      items.put(key, item.toJson());
    }
  }

  private Object lockFor(String key) {
    return locks[Math.floorMod(key.hashCode(), locks.length)];
  }
}
