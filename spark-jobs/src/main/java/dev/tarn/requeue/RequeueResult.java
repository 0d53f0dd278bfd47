package dev.tarn.requeue;

import java.util.Map;

/**
 * What a requeue did (or, dry, would do). Reconciles: {@code requeued + skipped + stillQuarantined = selected}.
 *
 * @param selected quarantined lines selected
 * @param requeued lines that now parse, moved into their log tables
 * @param events rows those lines became, per log type
 * @param skipped lines that now parse as headers or comments (no event), removed from quarantine as ingest skips them
 * @param stillQuarantined lines left in quarantine, with their new reason
 * @param notReparsable of those, lines that cannot be re-parsed from quarantine (truncated, unreadable file, a
 *     parser that reads whole files); their reason says how to recover
 * @param reasonsChanged quarantined lines whose reason was updated
 * @param dryRun nothing was written
 */
public record RequeueResult(long selected, long requeued, Map<String, Long> events, long skipped,
    long stillQuarantined, long notReparsable, long reasonsChanged, boolean dryRun) {
  public RequeueResult {
    events = Map.copyOf(events);
  }

  public long totalEvents() {
    return events.values().stream().mapToLong(Long::longValue).sum();
  }
}
