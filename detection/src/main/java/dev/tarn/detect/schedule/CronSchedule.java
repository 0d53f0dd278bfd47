package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * {@code CronExpression}: a 5-field Unix cron ({@code minute hour day-of-month month day-of-week}) evaluated in UTC,
 * as Panther does. Fields take {@code *}, lists, ranges, steps ({@code *}{@code /15}, {@code 1-5/2}) and month and
 * day names ({@code JAN}, {@code mon-fri}, any case); day-of-week 0 and 7 are Sunday. When both day fields are
 * restricted a day matches if either does (crontab(5)); a field written {@code *}{@code /1} counts as unrestricted.
 * Parsing and matching are cron-utils' {@code UNIX} definition.
 */
public final class CronSchedule implements QuerySchedule {

  private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final String EXPECTED = "expected 5 fields 'minute hour day-of-month month day-of-week' in UTC,"
      + " e.g. '0 0 * * *' (daily at midnight) or '*/15 9-17 * * mon-fri'";

  private final String expression;
  private final ExecutionTime executionTime;

  private CronSchedule(String expression, ExecutionTime executionTime) {
    this.expression = expression;
    this.executionTime = executionTime;
  }

  /**
   * @throws IllegalArgumentException if {@code expression} is not a 5-field cron or never fires (e.g. {@code 0 0 30 2
   *     *})
   */
  public static CronSchedule parse(String expression) {
    requireNonNull(expression, "expression is null");
    String normalized = expression.strip().replaceAll("\\s+", " ");
    ExecutionTime executionTime;
    try {
      executionTime = ExecutionTime.forCron(PARSER.parse(normalized).validate());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid CronExpression '" + expression + "': " + e.getMessage() + "; " + EXPECTED, e);
    }
    // Any day that exists recurs within 8 years (29 February), so a cron with no run from 1970 never runs.
    if (executionTime.nextExecution(ZonedDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC)).isEmpty()) {
      throw new IllegalArgumentException("Invalid CronExpression '" + expression + "': it never fires (no such day);"
          + " check the day-of-month and month fields");
    }
    return new CronSchedule(normalized, executionTime);
  }

  /** The expression, whitespace normalized. */
  public String expression() {
    return expression;
  }

  @Override
  public Instant next(Instant after) {
    requireNonNull(after, "after is null");
    return executionTime.nextExecution(utc(after)).map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException("Cron '" + expression + "' has no run after " + after));
  }

  @Override
  public Instant previous(Instant atOrBefore) {
    requireNonNull(atOrBefore, "atOrBefore is null");
    // Slots are whole minutes: the latest one at or before t is t's minute itself or a slot before that minute.
    ZonedDateTime minute = utc(atOrBefore).truncatedTo(ChronoUnit.MINUTES);
    if (executionTime.isMatch(minute)) {
      return minute.toInstant();
    }
    return executionTime.lastExecution(minute).map(ZonedDateTime::toInstant)
        .orElseThrow(() -> new IllegalStateException("Cron '" + expression + "' has no run before " + atOrBefore));
  }

  private static ZonedDateTime utc(Instant instant) {
    return ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule that && expression.equals(that.expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return "CronSchedule[" + expression + "]";
  }
}
