package dev.tarn.parse.natives;

import dev.tarn.parse.RecordRejectedException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

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
      return format(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      throw RecordRejectedException.of("invalid %s '%s' (expected an RFC 3339 time)", field, value);
    }
  }

  /**
   * The Common Log Format time of web and S3 access logs, {@code 06/Feb/2019:00:00:38 +0000} (brackets already
   * removed; the day may have one digit and the space before the offset may be missing). Parsed by hand because
   * every line of those logs has one.
   */
  static String fromCommonLogFormat(String field, String value) throws RecordRejectedException {
    try {
      ClfReader in = new ClfReader(value);
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

  /** A cursor over a CLF time; every failure is an IllegalArgumentException that the caller turns into a reason. */
  private static final class ClfReader {
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private final String text;
    private int pos;

    ClfReader(String text) {
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

    void optional(char c) {
      if (pos < text.length() && text.charAt(pos) == c) {
        pos++;
      }
    }

    void expectEnd() {
      if (pos != text.length()) {
        throw new IllegalArgumentException("end expected at " + pos);
      }
    }
  }
}
