package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One event that holds the indicator.
 *
 * @param eventTime its {@code p_event_time}
 * @param logType its {@code p_log_type}
 * @param rowId its {@code p_row_id}
 * @param sourceLabel its {@code p_source_label} (may be null)
 * @param eventJson the event's own fields (not the {@code p_*} ones) as compact JSON
 */
public record SearchMatch(Instant eventTime, String logType, String rowId, String sourceLabel, String eventJson) {
  public SearchMatch {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(logType, "logType is null");
    requireNonNull(rowId, "rowId is null");
    requireNonNull(eventJson, "eventJson is null");
  }
}
