package dev.tarn.backfill;

import java.util.Map;

/**
 * What a backfill did (or, dry, would do).
 *
 * @param listed files under the prefix
 * @param selected files of those in the time range
 * @param skipped selected files already ingested, left alone
 * @param ingested files ingested by this run (including re-ingested ones)
 * @param reingested files ingested again: forced, or left unfinished by an earlier run
 * @param bytes bytes of the ingested files
 * @param chunks chunks written
 * @param events events written per log type
 * @param quarantined lines quarantined
 * @param fileErrors files that could not be read (quarantined with the reason)
 * @param dryRun nothing was written
 */
public record BackfillResult(long listed, long selected, long skipped, long ingested, long reingested, long bytes,
    long chunks, Map<String, Long> events, long quarantined, long fileErrors, boolean dryRun) {
  public BackfillResult {
    events = Map.copyOf(events);
  }

  public long totalEvents() {
    return events.values().stream().mapToLong(Long::longValue).sum();
  }
}
