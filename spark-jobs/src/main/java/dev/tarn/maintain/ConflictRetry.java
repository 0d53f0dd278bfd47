package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Delta commit again when a concurrent writer won the race (ConcurrentAppendException,
 * ConcurrentDeleteReadException, ...): the retry starts from the new table version, so it sees the winner's files.
 * Backoff grows exponentially with jitter so two maintainers do not collide again in lock step.
 */
public final class ConflictRetry {
  private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

  private final int attempts;
  private final Duration firstBackoff;
  private final Duration maxBackoff;
  private final AtomicLong retries = new AtomicLong();

  public ConflictRetry(int attempts, Duration firstBackoff, Duration maxBackoff) {
    if (attempts < 1) {
      throw new IllegalArgumentException("Invalid attempts: " + attempts + " (must be >= 1)");
    }
    this.attempts = attempts;
    this.firstBackoff = requireNonNull(firstBackoff, "firstBackoff is null");
    this.maxBackoff = requireNonNull(maxBackoff, "maxBackoff is null");
  }

  /** Six attempts, 0.5 s to 8 s apart: enough for a busy table's appends every few seconds. */
  public static ConflictRetry defaults() {
    return new ConflictRetry(6, Duration.ofMillis(500), Duration.ofSeconds(8));
  }

  /** Conflicts retried so far. */
  public long retries() {
    return retries.get();
  }

  public <T> T call(String what, Supplier<T> action) {
    long backoff = firstBackoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (RuntimeException e) {
        if (!isConflict(e) || attempt == attempts) {
          throw e;
        }
        retries.incrementAndGet();
        long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        LOG.info("{}: concurrent commit (attempt {} of {}), retrying in {} ms: {}", what, attempt, attempts, sleep,
            e.getMessage());
        sleepFor(sleep);
        backoff = Math.min(backoff * 2, maxBackoff.toMillis());
      }
    }
  }

  public void run(String what, Runnable action) {
    call(what, () -> {
      action.run();
      return null;
    });
  }

  static boolean isConflict(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DeltaConcurrentModificationException) {
        return true;
      }
    }
    return false;
  }

  private static void sleepFor(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to retry a Delta commit", e);
    }
  }
}
