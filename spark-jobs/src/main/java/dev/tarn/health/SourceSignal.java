package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * When a source last sent data and how far its ingest is behind.
 *
 * @param sourceId the source
 * @param lastArrival when its newest file was ingested; null when nothing was ever ingested from it
 * @param silentAfter how long it may stay silent (its setting or the default)
 * @param pendingFiles landed files within the lag lookback not yet ingested; null when its location could not be
 *     listed
 * @param oldestPending modification time of the oldest of those; null when none
 */
public record SourceSignal(String sourceId, Instant lastArrival, Duration silentAfter, Long pendingFiles,
    Instant oldestPending) {
  public SourceSignal {
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(silentAfter, "silentAfter is null");
  }

  /** How long it has sent nothing, at {@code now}; null when it never sent anything. */
  public Duration silentFor(Instant now) {
    return lastArrival == null ? null : Duration.between(lastArrival, now);
  }

  public boolean silent(Instant now) {
    Duration silent = silentFor(now);
    return silent != null && silent.compareTo(silentAfter) > 0;
  }

  /** The age of the oldest pending file at {@code now}: zero when nothing is pending, null when unknown. */
  public Duration lag(Instant now) {
    if (pendingFiles == null) {
      return null;
    }
    return oldestPending == null ? Duration.ZERO : Duration.between(oldestPending, now);
  }
}
