package dev.tarn.time;

/**
 * RFC 3339 timestamps: {@code 2006-01-02T15:04:05.999999999Z07:00}.
 *
 * <p>Hand-rolled because it runs for nearly every event: no regex, no allocation, no exception unless
 * the text is bad. Beyond strict RFC 3339 (what Panther's Go decoder accepted) it also takes a
 * lower-case {@code t}/{@code z}, a space between date and time, a comma before the fraction, any
 * number of fraction digits, and offsets written {@code +hhmm} or {@code +hh}. The offset itself is
 * required: a time without one is ambiguous, and Panther rejected it too.
 */
enum Rfc3339Format implements TimeFormat {
  INSTANCE;

  static final String EXPECTED = "RFC 3339 like 2006-01-02T15:04:05.999999999Z07:00";

  @Override
  public long parseMicros(String text) {
    return parse(text, EXPECTED);
  }

  @Override
  public String spec() {
    return "rfc3339";
  }

  /** Parses {@code text}, naming {@code expected} in the error when it fails. */
  static long parse(String text, String expected) {
    if (text == null) {
      throw new TimestampParseException(null, expected);
    }
    int start = Trim.start(text);
    int end = Trim.end(text, start);
    // "2006-01-02T15:04:05" plus at least "Z"
    if (end - start < 20) {
      throw new TimestampParseException(text, expected);
    }
    int p = start;
    int century = digits2(text, p);
    int yearOfCentury = digits2(text, p + 2);
    int month = digits2(text, p + 5);
    int day = digits2(text, p + 8);
    int hour = digits2(text, p + 11);
    int minute = digits2(text, p + 14);
    int second = digits2(text, p + 17);
    char separator = text.charAt(p + 10);
    int year = century * 100 + yearOfCentury;
    if ((century | yearOfCentury) < 0
        || text.charAt(p + 4) != '-'
        || text.charAt(p + 7) != '-'
        || (separator != 'T' && separator != 't' && separator != ' ')
        || text.charAt(p + 13) != ':'
        || text.charAt(p + 16) != ':'
        || (month | day | hour | minute | second) < 0
        || !CivilDate.isValid(year, month, day)
        || hour > 23
        || minute > 59
        || second > 59) {
      throw new TimestampParseException(text, expected);
    }
    p += 19;

    int nanos = 0;
    char c = text.charAt(p);
    if (c == '.' || c == ',') {
      p++;
      int digits = 0;
      while (p < end && isDigit(text.charAt(p))) {
        if (digits < 9) {
          nanos = nanos * 10 + (text.charAt(p) - '0');
        }
        digits++;
        p++;
      }
      if (digits == 0) {
        throw new TimestampParseException(text, expected);
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }

    int offsetSeconds = 0;
    c = p < end ? text.charAt(p) : 0;
    if (c == 'Z' || c == 'z') {
      p++;
    } else if (c == '+' || c == '-') {
      int offsetHours = p + 3 <= end ? digits2(text, p + 1) : -1;
      int offsetMinutes = 0;
      p += 3;
      boolean colon = p < end && text.charAt(p) == ':';
      if (colon) {
        p++;
      }
      if (colon || p < end) {
        offsetMinutes = p + 2 <= end ? digits2(text, p) : -1;
        p += 2;
      }
      if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
        throw new TimestampParseException(text, expected);
      }
      offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (c == '-' ? -1 : 1);
    } else {
      throw new TimestampParseException(text, expected);
    }
    if (p != end) {
      throw new TimestampParseException(text, expected);
    }
    return CivilDate.toMicros(
        CivilDate.epochDay(year, month, day), hour, minute, second, nanos, offsetSeconds);
  }

  /** The two-digit number at {@code p}, or a negative value when either char is not a digit. */
  private static int digits2(String s, int p) {
    int tens = s.charAt(p) - '0';
    int ones = s.charAt(p + 1) - '0';
    if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
      return -1_000;
    }
    return tens * 10 + ones;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
