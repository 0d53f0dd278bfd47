package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a landed file holds data for, which {@code --from/--to} select on. Read from the file's key (its path
 * relative to the source location), first match wins:
 * <ol>
 *   <li>a timestamp in the file name, {@code YYYYMMDDTHHMM[SS]Z} (CloudTrail, Panther) or ISO-8601
 *       {@code YYYY-MM-DDTHH:MM[:SS]}: that second (minute);</li>
 *   <li>Hive-style directories {@code year=YYYY/month=MM/day=DD[/hour=HH]} (Panther's lake layout): that day
 *       (hour);</li>
 *   <li>date directories {@code YYYY/MM/DD[/HH]} (AWS's S3 log delivery): that day (hour);</li>
 *   <li>otherwise the file's modification time, an instant.</li>
 * </ol>
 * A file is selected when its period overlaps {@code [from, to)}, so a day directory is taken by any range that
 * touches that day.
 *
 * @param start first instant of the period
 * @param end instant after the period (exclusive)
 * @param origin where the time was read: {@code name}, {@code path} or {@code modified}
 */
public record FileTime(Instant start, Instant end, String origin) {
  private static final Pattern NAME_COMPACT =
      Pattern.compile("(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})?Z");
  private static final Pattern NAME_ISO =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2}))?");
  private static final Pattern HIVE =
      Pattern.compile("(?:^|/)year=(\\d{4})/month=(\\d{1,2})/day=(\\d{1,2})(?:/hour=(\\d{1,2}))?/");
  private static final Pattern DATE_DIRS = Pattern.compile("(?:^|/)(\\d{4})/(\\d{2})/(\\d{2})/(?:(\\d{2})/)?");

  public FileTime {
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(origin, "origin is null");
  }

  /** The period of a file with this key (relative to the source location) and modification time. */
  public static FileTime of(String relativeKey, long modifiedMillis) {
    int slash = relativeKey.lastIndexOf('/');
    String name = relativeKey.substring(slash + 1);
    String dirs = relativeKey.substring(0, slash + 1);
    return fromName(name, NAME_COMPACT)
        .or(() -> fromName(name, NAME_ISO))
        .or(() -> fromDirectories(dirs, HIVE))
        .or(() -> fromDirectories(dirs, DATE_DIRS))
        .orElseGet(() -> {
          Instant modified = Instant.ofEpochMilli(modifiedMillis);
          return new FileTime(modified, modified.plusMillis(1), "modified");
        });
  }

  /** Whether the period overlaps {@code [from, to)}; a null end is open. */
  public boolean overlaps(Instant from, Instant to) {
    return (to == null || start.isBefore(to)) && (from == null || end.isAfter(from));
  }

  private static Optional<FileTime> fromName(String name, Pattern pattern) {
    Matcher m = pattern.matcher(name);
    while (m.find()) {
      Optional<Instant> start = instant(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6));
      if (start.isPresent()) {
        Duration length = m.group(6) == null ? Duration.ofMinutes(1) : Duration.ofSeconds(1);
        return Optional.of(new FileTime(start.get(), start.get().plus(length), "name"));
      }
    }
    return Optional.empty();
  }

  private static Optional<FileTime> fromDirectories(String dirs, Pattern pattern) {
    Matcher m = pattern.matcher(dirs);
    while (m.find()) {
      String hour = m.group(4);
      Optional<Instant> start = instant(m.group(1), m.group(2), m.group(3), hour == null ? "0" : hour, "0", null);
      if (start.isPresent()) {
        Duration length = hour == null ? Duration.ofDays(1) : Duration.ofHours(1);
        return Optional.of(new FileTime(start.get(), start.get().plus(length), "path"));
      }
    }
    return Optional.empty();
  }

  /** The instant, or empty when the digits are no valid date (a number that only looks like one). */
  private static Optional<Instant> instant(String year, String month, String day, String hour, String minute,
      String second) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
          .atTime(Integer.parseInt(hour), Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second))
          .toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
