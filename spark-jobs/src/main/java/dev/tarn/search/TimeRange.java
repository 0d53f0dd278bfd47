package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The event-time range searched, {@code [from, to)} on {@code p_event_time}, as {@code tarn detect --from --to} reads
 * it: ISO-8601 instants, or dates meaning midnight UTC ({@code --from 2024-06-01 --to 2024-06-02} is that one day).
 */
public record TimeRange(Instant from, Instant to) {
  /** What a search without {@code --from} covers: the last seven days. */
  public static final Duration DEFAULT_SPAN = Duration.ofDays(7);

  public TimeRange {
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("--from " + from + " is not before --to " + to + " (the range is empty)");
    }
  }

  /**
   * The range the options give; a missing {@code --to} is {@code now}, a missing {@code --from} is
   * {@link #DEFAULT_SPAN} before the end.
   */
  public static TimeRange parse(String from, String to, Instant now) {
    requireNonNull(now, "now is null");
    Instant end = to == null ? now : instant(to, "--to");
    Instant start = from == null ? end.minus(DEFAULT_SPAN) : instant(from, "--from");
    return new TimeRange(start, end);
  }

  /** The first {@code p_date} partition that can hold an event of the range. */
  public LocalDate firstDate() {
    return from.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The last {@code p_date} partition that can hold an event of the range ({@code to} is exclusive). */
  public LocalDate lastDate() {
    return to.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static Instant instant(String text, String option) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " '" + text + "' is not a time (use ISO-8601: a date such as "
          + "2024-06-01, or an instant such as 2024-06-01T12:00:00Z)");
    }
  }
}
