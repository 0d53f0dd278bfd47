package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.pack.QueryDefinition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a scheduled query runs: a sequence of slots (scheduled times) in UTC, from its {@code Schedule}. A slot is also
 * the {@code now} the query's macros are expanded with, so a run is reproducible whenever it actually executes.
 */
public sealed interface QuerySchedule permits RateSchedule, CronSchedule {

  /**
   * Counting skipped cron slots stops here (a minute-level cron down for about 17 hours): cron slots are counted one
   * by one, and the count is only a report.
   */
  long MAX_COUNTED_SLOTS = 1_000;

  /**
   * @throws IllegalArgumentException if neither or both of {@code CronExpression} and {@code RateMinutes} are set, or
   *     the one set is invalid
   */
  static QuerySchedule of(QueryDefinition.Schedule schedule) {
    requireNonNull(schedule, "schedule is null");
    boolean cron = schedule.cronExpression() != null;
    boolean rate = schedule.rateMinutes() != null;
    if (cron == rate) {
      throw new IllegalArgumentException("Invalid Schedule: set exactly one of CronExpression and RateMinutes"
          + " (got " + (cron ? "both" : "neither") + ")");
    }
    return cron ? CronSchedule.parse(schedule.cronExpression()) : new RateSchedule(schedule.rateMinutes());
  }

  /** The schedule of {@code query}; errors name the query and its file. */
  static QuerySchedule of(QueryDefinition query) {
    requireNonNull(query, "query is null");
    if (query.schedule() == null) {
      throw new IllegalArgumentException("Query '" + query.name() + "' (" + query.file() + ") has no Schedule;"
          + " only scheduled_query definitions can be scheduled");
    }
    try {
      return of(query.schedule());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Query '" + query.name() + "' (" + query.file() + "): " + e.getMessage(), e);
    }
  }

  /** The first slot strictly after {@code after}. */
  Instant next(Instant after);

  /** The latest slot at or before {@code atOrBefore}. */
  Instant previous(Instant atOrBefore);

  /**
   * The window a run scheduled at {@code scheduledTime} covers: from the slot before it (for a slot of a rate
   * schedule, exactly one rate earlier) up to the scheduled time, which is the run's macro {@code now}.
   */
  default RunWindow window(Instant scheduledTime) {
    requireNonNull(scheduledTime, "scheduledTime is null");
    return new RunWindow(previous(scheduledTime.minusNanos(1)), scheduledTime);
  }

  /**
   * The slots a run-once invocation at {@code now} should execute after the run scheduled at {@code lastRun}: none,
   * or the latest due slot. See {@link #catchUp} for what was skipped.
   */
  default List<Instant> dueBetween(Instant lastRun, Instant now) {
    return catchUp(lastRun, now).runs();
  }

  /**
   * Which slot in {@code (lastRun, now]} to run and which to skip, per the policy in {@link CatchUp}.
   *
   * @param lastRun the scheduled time of the last run that executed; for a query that never ran, pass the time it
   *     was enabled (or use {@link #previous} of now directly)
   */
  default CatchUp catchUp(Instant lastRun, Instant now) {
    requireNonNull(lastRun, "lastRun is null");
    requireNonNull(now, "now is null");
    Instant latest = previous(now);
    if (!latest.isAfter(lastRun)) {
      return CatchUp.nothingDue();
    }
    Instant first = next(lastRun);
    if (!first.isBefore(latest)) {
      return new CatchUp(Optional.of(latest), Optional.empty());
    }
    return new CatchUp(Optional.of(latest), Optional.of(skipped(first, previous(latest.minusNanos(1)))));
  }

  /**
   * The slots {@code first} to {@code last} (both slots, {@code first <= last}) as skipped slots. Cron slots are
   * counted one by one, up to {@link #MAX_COUNTED_SLOTS}.
   */
  default CatchUp.Skipped skipped(Instant first, Instant last) {
    long count = 1;
    for (Instant slot = first; slot.isBefore(last); slot = next(slot)) {
      if (count == MAX_COUNTED_SLOTS) {
        return new CatchUp.Skipped(first, last, count, true);
      }
      count++;
    }
    return new CatchUp.Skipped(first, last, count, false);
  }
}
