package dev.tarn.detect.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp argument of the macros. Panther documents UTC and the layout {@code 2021-01-02 15:04:05.000} (the Glue
 * timestamp layout); Snowflake users also write ISO 8601 ({@code 2021-01-21T11:15:54.346Z}). Accepted: a date alone
 * (midnight UTC), or a date and {@code HH:mm[:ss[.fraction]]} separated by {@code T} or a space, optionally followed
 * by {@code Z}, {@code UTC} or an offset {@code +hh[:mm]}. Without a zone the time is UTC.
 */
final class MacroTimestamp {

  static final String EXPECTED = "a quoted UTC timestamp such as '2024-01-15', '2024-01-15 10:30:00',"
      + " '2024-01-15 10:30:00.000' or '2024-01-15T10:30:00Z'";

  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})"
          + "(?:[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?"
          + "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private MacroTimestamp() {}

  static Optional<Instant> parse(String text) {
    Matcher m = TIMESTAMP.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      LocalDate date = LocalDate.of(number(m, 1), number(m, 2), number(m, 3));
      if (m.group(4) == null) {
        return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      String fraction = m.group(7) == null ? "" : m.group(7);
      int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      LocalTime time = LocalTime.of(number(m, 4), number(m, 5), m.group(6) == null ? 0 : number(m, 6), nanos);
      return Optional.of(LocalDateTime.of(date, time).toInstant(zone(m.group(8))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static int number(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static ZoneOffset zone(String zone) {
    if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    String digits = zone.replace(":", "");
    int hours = Integer.parseInt(digits.substring(1, 3));
    int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
    int sign = digits.charAt(0) == '-' ? -1 : 1;
    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
  }
}
