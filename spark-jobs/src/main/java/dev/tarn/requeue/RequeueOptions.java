package dev.tarn.requeue;

import java.time.Instant;

/**
 * Which quarantined lines to re-parse.
 *
 * @param logType only lines with this candidate log type, parsed with it alone (null: all, with their candidates)
 * @param since only lines quarantined at or after this instant (null: all)
 * @param sourceId only lines of this source (null: all)
 * @param dryRun re-parse and report, write nothing
 */
public record RequeueOptions(String logType, Instant since, String sourceId, boolean dryRun) {}
