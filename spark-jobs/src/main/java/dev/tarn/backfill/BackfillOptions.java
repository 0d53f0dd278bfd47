package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What to backfill.
 *
 * @param sourceId the configured source whose location holds the files
 * @param prefix a path relative to the source location, or an absolute path or URI inside it
 * @param from files whose period ends after this instant (null: no lower bound)
 * @param to files whose period starts before this instant (null: no upper bound)
 * @param filesPerSecond pace (null: as fast as it goes)
 * @param force re-ingest files already ingested (no row is duplicated)
 * @param dryRun list what would be ingested, write nothing
 */
public record BackfillOptions(String sourceId, String prefix, Instant from, Instant to, Double filesPerSecond,
    boolean force, boolean dryRun) {
  public BackfillOptions {
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(prefix, "prefix is null");
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("Invalid range: from " + from + " is not before to " + to);
    }
    if (filesPerSecond != null && !(filesPerSecond > 0)) {
      throw new IllegalArgumentException("Invalid rate: " + filesPerSecond + " files/s (must be > 0)");
    }
  }
}
