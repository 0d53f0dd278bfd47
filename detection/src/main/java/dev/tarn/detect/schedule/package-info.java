/**
 * Scheduled queries: when they run and what SQL they run.
 *
 * <p>Entry points: {@link dev.tarn.detect.schedule.PantherMacros#expand} turns a query with Panther's time macros
 * ({@code p_occurs_since} and friends) into Spark SQL for a given {@code now};
 * {@link dev.tarn.detect.schedule.QuerySchedule#of} turns a query's {@code Schedule} (RateMinutes or a 5-field UTC
 * CronExpression) into slots, the window each run covers, and what a run-once invocation should execute after a gap
 * ({@link dev.tarn.detect.schedule.CatchUp}). A run expands its query with its scheduled time as {@code now}, so a late
 * run reads the same window as an on-time one.
 */
package dev.tarn.detect.schedule;
