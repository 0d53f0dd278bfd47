package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Spark SQL predicate a time macro expands to: bounds on the event-time column written as UTC {@code TIMESTAMP}
 * literals, plus a range on {@code p_date} (the UTC date of {@code p_event_time}, the partition column) so Delta skips
 * files outside the range. The partition range is only added when the filtered column is {@code p_event_time}: no
 * other column is tied to {@code p_date}. Because every row's {@code p_date} is the UTC date of its
 * {@code p_event_time}, the date range is implied by the time bounds, so the expansion selects the same rows under
 * {@code NOT} or {@code OR} as the time bounds alone.
 *
 * <p>Literals carry an explicit {@code Z}: Spark reads a zone-less TIMESTAMP literal in the session time zone, which
 * would shift the window on clusters not set to UTC. Spark keeps microseconds, so each bound is rounded to the
 * microsecond that selects exactly the same events.
 *
 * @param qualifier the table alias and dot ({@code "t."}), or empty
 * @param column the event-time column, normally {@code p_event_time}
 */
record EventTimeFilter(String qualifier, String column, Optional<Bound> lower, Optional<Bound> upper) {

  static final String EVENT_TIME = "p_event_time";
  static final String PARTITION_DATE = "p_date";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

  record Bound(Instant at, boolean inclusive) {

    Bound {
      requireNonNull(at, "at is null");
    }
  }

  EventTimeFilter {
    requireNonNull(qualifier, "qualifier is null");
    requireNonNull(column, "column is null");
    requireNonNull(lower, "lower is null");
    requireNonNull(upper, "upper is null");
  }

  /** Whether every bound lies in years 1 to 9999, the range Spark's TIMESTAMP and DATE literals accept. */
  boolean inSparkRange() {
    return lower.map(b -> !b.at().isBefore(MIN) && !b.at().isAfter(MAX)).orElse(true)
        && upper.map(b -> !b.at().isBefore(MIN) && !b.at().isAfter(MAX)).orElse(true);
  }

  String toSql() {
    List<String> terms = new ArrayList<>();
    String ref = qualifier + column;
    Optional<Instant> lowerMicros = lower.map(b -> b.inclusive() ? ceilMicros(b.at()) : floorMicros(b.at()));
    Optional<Instant> upperMicros = upper.map(b -> b.inclusive() ? floorMicros(b.at()) : ceilMicros(b.at()));
    lowerMicros.ifPresent(at -> terms.add(ref + (lower.get().inclusive() ? " >= " : " > ") + timestamp(at)));
    upperMicros.ifPresent(at -> terms.add(ref + (upper.get().inclusive() ? " <= " : " < ") + timestamp(at)));
    if (column.replace("`", "").equalsIgnoreCase(EVENT_TIME)) {
      Optional<LocalDate> firstDay = lowerMicros.map(EventTimeFilter::utcDate);
      // An exclusive upper bound at midnight must not pull in the day that starts there.
      Optional<LocalDate> lastDay = upperMicros.map(at -> upper.get().inclusive() ? at : at.minus(1, ChronoUnit.MICROS))
          .map(EventTimeFilter::utcDate);
      String date = qualifier + PARTITION_DATE;
      if (firstDay.isPresent() && firstDay.equals(lastDay)) {
        terms.add(date + " = " + dateLiteral(firstDay.get()));
      } else if (firstDay.isPresent() && lastDay.isPresent()) {
        terms.add(date + " BETWEEN " + dateLiteral(firstDay.get()) + " AND " + dateLiteral(lastDay.get()));
      } else {
        firstDay.ifPresent(day -> terms.add(date + " >= " + dateLiteral(day)));
        lastDay.ifPresent(day -> terms.add(date + " <= " + dateLiteral(day)));
      }
    }
    return "(" + String.join(" AND ", terms) + ")";
  }

  private static Instant floorMicros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant ceilMicros(Instant at) {
    Instant floor = floorMicros(at);
    return floor.equals(at) ? at : floor.plus(1, ChronoUnit.MICROS);
  }

  private static String timestamp(Instant at) {
    int micros = at.getNano() / 1000;
    String fraction = micros == 0 ? ""
        : micros % 1000 == 0 ? String.format(Locale.ROOT, ".%03d", micros / 1000)
        : String.format(Locale.ROOT, ".%06d", micros);
    return "TIMESTAMP '" + SECONDS.format(at) + fraction + "Z'";
  }

  private static LocalDate utcDate(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  private static String dateLiteral(LocalDate day) {
    return "DATE '" + day + "'";
  }
}
