package dev.tarn.alerts.dedup;

/**
 * Which clock a dedup window runs on. PROCESSING is Panther's: the window opens at the first match's processing time
 * (Tarn: the finding's {@code p_detect_time}, so a replay lands in the same window) and lasts the rule's dedup period.
 * EVENT puts each match in the fixed window of its {@code p_event_time} (windows aligned to multiples of the period
 * since the epoch), so late data and backfills join the alert their events belong to.
 */
public enum WindowMode { PROCESSING, EVENT }
