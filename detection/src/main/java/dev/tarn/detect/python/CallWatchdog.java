package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops Python calls that run longer than their time limit or allocate more than their memory budget.
 *
 * <p>One daemon thread per JVM polls the active calls: elapsed wall time, and the bytes the calling thread allocated
 * since the call began ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, where the JVM supports it).
 * A call over a limit is handed to its runtime's {@link Stopper} on a separate thread, so a slow stop never delays
 * the checks of other calls. {@link Call#close()} waits for a stop in progress, so a stop aimed at one call can never
 * land in the next one.
 */
final class CallWatchdog {

  /** Which limit a call exceeded. */
  enum Limit { TIME, MEMORY }

  /** How a runtime stops its own running call (GraalPy: interrupt the context; Jython: raise the stop check). */
  interface Stopper {
    void stop(Call call, Limit limit);
  }

  private static final long MIN_POLL_NANOS = Duration.ofMillis(2).toNanos();
  private static final long MAX_POLL_NANOS = Duration.ofMillis(50).toNanos();
  /** How long the poller keeps polling after the last call ended before it sleeps until the next one begins. */
  private static final long LINGER_NANOS = Duration.ofSeconds(2).toNanos();
  private static volatile CallWatchdog shared;

  private final Set<Call> calls = ConcurrentHashMap.newKeySet();
  private final com.sun.management.ThreadMXBean threads;
  private final boolean allocationSupported;
  private final ExecutorService stoppers;
  private final Thread poller;
  /** True while the poller sleeps without a deadline; only then does a new call need to wake it. */
  private volatile boolean sleeping;

  private CallWatchdog() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
      if (!sun.isThreadAllocatedMemoryEnabled()) {
        sun.setThreadAllocatedMemoryEnabled(true);
      }
      threads = sun;
      allocationSupported = true;
    } else {
      threads = null;
      allocationSupported = false;
    }
    stoppers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "tarn-python-stopper");
      thread.setDaemon(true);
      return thread;
    });
    poller = new Thread(this::poll, "tarn-python-watchdog");
    poller.setDaemon(true);
    poller.start();
  }

  static CallWatchdog shared() {
    CallWatchdog watchdog = shared;
    if (watchdog == null) {
      synchronized (CallWatchdog.class) {
        watchdog = shared;
        if (watchdog == null) {
          watchdog = new CallWatchdog();
          shared = watchdog;
        }
      }
    }
    return watchdog;
  }

  /** True when the JVM reports per-thread allocation, so memory budgets are enforced. */
  boolean enforcesMemory() {
    return allocationSupported;
  }

  /** Starts watching a call made by the current thread. Close the result when the call returns or fails. */
  Call begin(Duration timeout, long allocationLimitBytes, Stopper stopper) {
    Call call = new Call(Thread.currentThread(), timeout.toNanos(), allocationLimitBytes, stopper);
    calls.add(call);
    if (sleeping) {
      // Waking the poller for every call would cost a context switch per event; it polls on its own while busy.
      sleeping = false;
      LockSupport.unpark(poller);
    }
    return call;
  }

  private long allocatedBytes(Thread thread) {
    return allocationSupported ? threads.getThreadAllocatedBytes(thread.getId()) : 0L;
  }

  private void poll() {
    long lastBusy = System.nanoTime();
    while (true) {
      if (calls.isEmpty()) {
        if (System.nanoTime() - lastBusy > LINGER_NANOS) {
          sleeping = true;
          if (calls.isEmpty()) {
            LockSupport.park(this);
          }
          sleeping = false;
          lastBusy = System.nanoTime();
        } else {
          LockSupport.parkNanos(this, MAX_POLL_NANOS);
        }
        continue;
      }
      lastBusy = System.nanoTime();
      long wait = MAX_POLL_NANOS;
      for (Call call : calls) {
        wait = Math.min(wait, Math.max(MIN_POLL_NANOS, call.timeoutNanos / 20));
        Limit exceeded = call.check();
        if (exceeded != null) {
          stoppers.execute(() -> call.fire(exceeded));
        }
      }
      LockSupport.parkNanos(this, wait);
    }
  }

  /** One watched call. Not reused: a runtime begins a new one per Python call. */
  final class Call implements AutoCloseable {
    private final Thread thread;
    private final long timeoutNanos;
    private final long allocationLimit;
    private final Stopper stopper;
    private long startNanos;
    private long allocationBase;
    private boolean active = true;
    private boolean stopping;
    private Limit exceeded;

    private Call(Thread thread, long timeoutNanos, long allocationLimit, Stopper stopper) {
      this.thread = thread;
      this.timeoutNanos = timeoutNanos;
      this.allocationLimit = allocationLimit;
      this.stopper = requireNonNull(stopper, "stopper is null");
      this.startNanos = System.nanoTime();
      this.allocationBase = allocatedBytes(thread);
    }

    /** The limit this call exceeded (and was stopped for), or null. */
    synchronized Limit exceeded() {
      return exceeded;
    }

    /**
     * Starts a new window for the same call (Jython, after a stopped detection was reported and the pass goes on with
     * the next detection).
     */
    synchronized void restart() {
      awaitStop();
      startNanos = System.nanoTime();
      allocationBase = allocatedBytes(thread);
      exceeded = null;
    }

    private synchronized Limit check() {
      if (!active || exceeded != null || stopping) {
        return null;
      }
      Limit limit = null;
      if (System.nanoTime() - startNanos > timeoutNanos) {
        limit = Limit.TIME;
      } else if (allocationSupported && allocatedBytes(thread) - allocationBase > allocationLimit) {
        limit = Limit.MEMORY;
      }
      if (limit != null) {
        exceeded = limit;
        stopping = true;
      }
      return limit;
    }

    private void fire(Limit limit) {
      try {
        stopper.stop(this, limit);
      } finally {
        synchronized (this) {
          stopping = false;
          notifyAll();
        }
      }
    }

    @Override
    public void close() {
      synchronized (this) {
        active = false;
        awaitStop();
      }
      calls.remove(this);
    }

    /** Waits (holding this call's lock) until a stop in progress has finished. */
    private void awaitStop() {
      boolean interrupted = false;
      while (stopping) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
