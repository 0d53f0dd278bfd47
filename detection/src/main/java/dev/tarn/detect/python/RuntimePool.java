package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.DetectionTest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warm rule runtimes kept between uses, keyed by runtime name, pack fingerprint and options, so Spark tasks of later
 * micro-batches skip interpreter start-up and pack import. Borrowing is thread-safe; each borrowed runtime belongs to
 * one caller until it closes it. At most {@code maxIdle} runtimes wait idle across all keys; the least recently used
 * key loses its runtimes first.
 */
public final class RuntimePool implements AutoCloseable {

  private static final RuntimePool SHARED =
      new RuntimePool(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

  private record Key(String runtime, String fingerprint, RuntimeOptions options) {}

  private final int maxIdle;
  private final Map<Key, Deque<PythonRuleRuntime>> idle = new LinkedHashMap<>(16, 0.75f, true);
  private int idleCount;
  private boolean closed;

  public RuntimePool(int maxIdle) {
    if (maxIdle < 0) {
      throw new IllegalArgumentException("Invalid maxIdle: " + maxIdle + " (must be >= 0)");
    }
    this.maxIdle = maxIdle;
  }

  /** The JVM's pool, used by {@link RuleRuntimes#open}. */
  public static RuntimePool shared() {
    return SHARED;
  }

  /** An idle runtime for this pack and options, or a new one. Closing the result returns it to the pool. */
  public RuleRuntime borrow(String runtimeName, DetectionPack pack, RuntimeOptions options) {
    requireNonNull(pack, "pack is null");
    requireNonNull(options, "options is null");
    String name = RuleRuntimes.normalize(runtimeName);
    PackPayload payload = new PackPayload(pack);
    Key key = new Key(name, payload.fingerprint(), options);
    PythonRuleRuntime runtime = takeIdle(key);
    if (runtime == null) {
      runtime = RuleRuntimes.create(name, payload, options);
    }
    return new Lease(key, runtime);
  }

  /** How many runtimes wait idle. */
  public synchronized int idleCount() {
    return idleCount;
  }

  private synchronized PythonRuleRuntime takeIdle(Key key) {
    if (closed) {
      throw new IllegalStateException("the runtime pool is closed");
    }
    Deque<PythonRuleRuntime> runtimes = idle.get(key);
    if (runtimes == null || runtimes.isEmpty()) {
      return null;
    }
    idleCount--;
    PythonRuleRuntime runtime = runtimes.pop();
    if (runtimes.isEmpty()) {
      idle.remove(key);
    }
    return runtime;
  }

  private void giveBack(Key key, PythonRuleRuntime runtime) {
    List<PythonRuleRuntime> evicted = new ArrayList<>();
    synchronized (this) {
      if (closed || !runtime.healthy() || maxIdle == 0) {
        evicted.add(runtime);
      } else {
        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(runtime);
        idleCount++;
        Iterator<Map.Entry<Key, Deque<PythonRuleRuntime>>> eldest = idle.entrySet().iterator();
        while (idleCount > maxIdle && eldest.hasNext()) {
          Deque<PythonRuleRuntime> runtimes = eldest.next().getValue();
          while (idleCount > maxIdle && !runtimes.isEmpty()) {
            evicted.add(runtimes.removeLast());
            idleCount--;
          }
          if (runtimes.isEmpty()) {
            eldest.remove();
          }
        }
      }
    }
    evicted.forEach(PythonRuleRuntime::close);
  }

  /** Closes the idle runtimes; runtimes still borrowed are closed when they come back. */
  @Override
  public void close() {
    List<PythonRuleRuntime> all = new ArrayList<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(all::addAll);
      idle.clear();
      idleCount = 0;
    }
    all.forEach(PythonRuleRuntime::close);
  }

  /** A borrowed runtime: every call goes to the pooled one until close() hands it back. */
  private final class Lease implements RuleRuntime {
    private final Key key;
    private final PythonRuleRuntime runtime;
    private final AtomicBoolean returned = new AtomicBoolean();

    Lease(Key key, PythonRuleRuntime runtime) {
      this.key = key;
      this.runtime = runtime;
    }

    private PythonRuleRuntime target() {
      if (returned.get()) {
        throw new IllegalStateException("this " + runtime.name() + " runtime was closed (returned to its pool)");
      }
      return runtime;
    }

    @Override
    public String name() {
      return runtime.name();
    }

    @Override
    public LoadResult loadResult() {
      return target().loadResult();
    }

    @Override
    public List<RuleOutcome> evaluate(String eventJson, String logType, Collection<String> detectionIds) {
      return target().evaluate(eventJson, logType, detectionIds);
    }

    @Override
    public RuleOutcome runTest(String detectionId, DetectionTest test) {
      return target().runTest(detectionId, test);
    }

    @Override
    public void close() {
      if (returned.compareAndSet(false, true)) {
        giveBack(key, runtime);
      }
    }
  }
}
