package dev.tarn.parse.natives;

import dev.tarn.parse.RecordRejectedException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Renders the timestamps native parsers find as RFC 3339 in UTC ({@code 2020-07-27T16:32:20Z}, a fraction only when
 * it is not zero), so that the schemas' {@code timeFormat: rfc3339} reads them all.
 */
final class Rfc3339 {
  private static final String CLF_LAYOUT = "dd/MMM/yyyy:HH:mm:ss +hhmm";

  private Rfc3339() {}

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** Unix seconds, as in VPC flow {@code start} and {@code end}. */
  static String fromUnixSeconds(String field, String value) throws RecordRejectedException {
    try {
      return format(Instant.ofEpochSecond(Long.parseLong(value)));
    } catch (NumberFormatException | DateTimeException e) {
      throw RecordRejectedException.of("invalid %s '%s' (expected unix seconds)", field, value);
    }
  }

  /** An RFC 3339 time with any offset, converted to UTC. */
  static String fromRfc3339(String field, String value) throws RecordRejectedException {
    try {
      return format(parseRfc3339(value));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw RecordRejectedException.of("invalid %s '%s' (expected an RFC 3339 time)", field, value);
    }
  }

  /**
   * Parses {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm)} by hand: ALB lines carry two of these, and
   * {@code DateTimeFormatter} parsing dominated the cost of a line.
   */
  private static Instant parseRfc3339(String value) {
    TimeReader in = new TimeReader(value);
    int year = in.number(4, 4);
    in.expect('-');
    int month = in.number(2, 2);
    in.expect('-');
    int day = in.number(2, 2);
    in.expectEither('T', 't');
    int hour = in.number(2, 2);
    in.expect(':');
    int minute = in.number(2, 2);
    in.expect(':');
    int second = in.number(2, 2);
    int nanos = in.fraction();
    ZoneOffset offset;
    if (in.optional('Z') || in.optional('z')) {
      offset = ZoneOffset.UTC;
    } else {
      int sign = in.sign();
      int offsetHours = in.number(2, 2);
      in.expect(':');
      int offsetMinutes = in.number(2, 2);
      offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
    }
    in.expectEnd();
    long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(offset);
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /**
   * The Common Log Format time of web and S3 access logs, {@code 06/Feb/2019:00:00:38 +0000} (brackets already
   * removed; the day may have one digit and the space before the offset may be missing). Parsed by hand because
   * every line of those logs has one.
   */
  static String fromCommonLogFormat(String field, String value) throws RecordRejectedException {
    try {
      TimeReader in = new TimeReader(value);
      int day = in.number(1, 2);
      in.expect('/');
      int month = in.month();
      in.expect('/');
      int year = in.number(4, 4);
      in.expect(':');
      int hour = in.number(2, 2);
      in.expect(':');
      int minute = in.number(2, 2);
      in.expect(':');
      int second = in.number(2, 2);
      in.optional(' ');
      int sign = in.sign();
      int offsetHours = in.number(2, 2);
      int offsetMinutes = in.number(2, 2);
      in.expectEnd();
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
      long epochSecond = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(offset);
      return format(Instant.ofEpochSecond(epochSecond));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw RecordRejectedException.of("invalid %s '%s' (expected %s)", field, value, CLF_LAYOUT);
    }
  }

  /** A cursor over a time; every failure is an IllegalArgumentException that the caller turns into a reason. */
  private static final class TimeReader {
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private final String text;
    private int pos;

    TimeReader(String text) {
      this.text = text;
    }

    int number(int minDigits, int maxDigits) {
      int start = pos;
      int result = 0;
      while (pos < text.length() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
        result = result * 10 + (text.charAt(pos) - '0');
        pos++;
      }
      if (pos - start < minDigits) {
        throw new IllegalArgumentException("digits expected at " + start);
      }
      return result;
    }

    int month() {
      if (pos + 3 > text.length()) {
        throw new IllegalArgumentException("month expected at " + pos);
      }
      int index = MONTHS.indexOf(text.substring(pos, pos + 3).toLowerCase(java.util.Locale.ROOT));
      if (index < 0 || index % 3 != 0) {
        throw new IllegalArgumentException("month expected at " + pos);
      }
      pos += 3;
      return index / 3 + 1;
    }

    int sign() {
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        return text.charAt(pos++) == '-' ? -1 : 1;
      }
      throw new IllegalArgumentException("offset sign expected at " + pos);
    }

    void expect(char c) {
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw new IllegalArgumentException("'" + c + "' expected at " + pos);
      }
      pos++;
    }

    void expectEither(char c, char alternative) {
      if (!optional(c) && !optional(alternative)) {
        throw new IllegalArgumentException("'" + c + "' expected at " + pos);
      }
    }

    boolean optional(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
        return true;
      }
      return false;
    }

    /** An optional {@code .digits} fraction of a second, as nanoseconds. */
    int fraction() {
      if (!optional('.')) {
        return 0;
      }
      int start = pos;
      int nanos = 0;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        if (pos - start < 9) {
          nanos = nanos * 10 + (text.charAt(pos) - '0');
        }
        pos++;
      }
      if (pos == start) {
        throw new IllegalArgumentException("fraction digits expected at " + start);
      }
      for (int digits = pos - start; digits < 9; digits++) {
        nanos *= 10;
      }
      return nanos;
    }

    void expectEnd() {
      if (pos != text.length()) {
        throw new IllegalArgumentException("end expected at " + pos);
      }
    }
  }
}
