package dev.tarn.detect.schedule;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offset argument of {@code p_occurs_since} and {@code p_occurs_around}: a positive number of seconds, or a
 * positive number with one of Panther's time parts ({@code s, sec, second(s)}, {@code m, min, minute(s)},
 * {@code h, hr, hrs, hour(s)}, {@code d, day(s)}, {@code w, wk, week(s)}), with or without a space between them.
 */
final class TimeOffset {

  static final String EXPECTED = "a positive number of seconds (3600) or a number with a unit ('30 minutes', '6 hours',"
      + " '1 day', '2 weeks', '15m', '3h', '1d'; units s, m, h, d, w and their long forms)";

  private static final Pattern OFFSET = Pattern.compile("(\\d+)\\s*([a-z]*)");

  private static final Map<String, Duration> UNITS = Map.ofEntries(
      Map.entry("", Duration.ofSeconds(1)),
      Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)),
      Map.entry("secs", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)),
      Map.entry("seconds", Duration.ofSeconds(1)),
      Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
      Map.entry("mins", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)),
      Map.entry("minutes", Duration.ofMinutes(1)),
      Map.entry("h", Duration.ofHours(1)), Map.entry("hr", Duration.ofHours(1)), Map.entry("hrs", Duration.ofHours(1)),
      Map.entry("hour", Duration.ofHours(1)), Map.entry("hours", Duration.ofHours(1)),
      Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)),
      Map.entry("w", Duration.ofDays(7)), Map.entry("wk", Duration.ofDays(7)), Map.entry("wks", Duration.ofDays(7)),
      Map.entry("week", Duration.ofDays(7)), Map.entry("weeks", Duration.ofDays(7)));

  private TimeOffset() {}

  /** The duration {@code text} denotes, or empty when it is not a positive offset. */
  static Optional<Duration> parse(String text) {
    Matcher m = OFFSET.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    Duration unit = UNITS.get(m.group(2));
    if (unit == null) {
      return Optional.empty();
    }
    try {
      long amount = Long.parseLong(m.group(1));
      return amount > 0 ? Optional.of(unit.multipliedBy(amount)) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }
}
