package dev.tarn.time;

import dev.tarn.time.ParsedFields.Field;

/**
 * One compiled piece of a strftime pattern or Go layout: it reads its part of the text into
 * {@link ParsedFields}. Both pattern languages compile to these same elements.
 */
abstract class PatternElement {
  private static final String[] LONG_MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };
  private static final String[] LONG_WEEKDAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };

  /** The directive or literal as written in the pattern, for error messages. */
  final String token;

  PatternElement(String token) {
    this.token = token;
  }

  /** Reads from {@code text} at {@code p} (before {@code end}); the new position, or -1 on mismatch. */
  abstract int parse(String text, int p, int end, ParsedFields out);

  static boolean isDigit(String text, int p, int end) {
    return p < end && text.charAt(p) >= '0' && text.charAt(p) <= '9';
  }

  /** Text that must appear as written. */
  static final class Literal extends PatternElement {
    private final String text;

    Literal(String text) {
      super("\"" + text + "\"");
      this.text = text;
    }

    @Override
    int parse(String input, int p, int end, ParsedFields out) {
      return p + text.length() <= end && input.startsWith(text, p) ? p + text.length() : -1;
    }
  }

  /** A run of spaces or tabs, at least {@code min} long. */
  static final class Spaces extends PatternElement {
    private final int min;

    Spaces(int min) {
      super("whitespace");
      this.min = min;
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      int start = p;
      while (p < end && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
        p++;
      }
      return p - start >= min ? p : -1;
    }
  }

  /** A decimal number of {@code minDigits} to {@code maxDigits} digits, optionally space-padded. */
  static final class Digits extends PatternElement {
    private final Field field;
    private final int minDigits;
    private final int maxDigits;
    private final boolean spacePadded;

    Digits(String token, Field field, int minDigits, int maxDigits, boolean spacePadded) {
      super(token);
      this.field = field;
      this.minDigits = minDigits;
      this.maxDigits = maxDigits;
      this.spacePadded = spacePadded;
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      if (spacePadded) {
        while (p < end && text.charAt(p) == ' ') {
          p++;
        }
      }
      int start = p;
      int value = 0;
      while (p - start < maxDigits && isDigit(text, p, end)) {
        value = value * 10 + (text.charAt(p++) - '0');
      }
      if (p - start < minDigits) {
        return -1;
      }
      out.set(field, value);
      return p;
    }
  }

  /**
   * Fractional seconds. With a separator ({@code .} or {@code ,}) it is Go's {@code .000} (exactly
   * n digits) or {@code .999} (optional, any number of digits); without, strftime's {@code %f}.
   */
  static final class Fraction extends PatternElement {
    private final boolean separator;
    private final boolean optional;
    private final int minDigits;
    private final int maxDigits;

    Fraction(String token, boolean separator, boolean optional, int minDigits, int maxDigits) {
      super(token);
      this.separator = separator;
      this.optional = optional;
      this.minDigits = minDigits;
      this.maxDigits = maxDigits;
    }

    /** Go's "fraction after the seconds even if the layout has none" rule. */
    static Fraction implicitAfterSeconds() {
      return new Fraction("(fractional seconds)", true, true, 1, Integer.MAX_VALUE);
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      int digitsStart = p;
      if (separator) {
        boolean present =
            p < end && (text.charAt(p) == '.' || text.charAt(p) == ',') && isDigit(text, p + 1, end);
        if (!present) {
          return optional ? p : -1;
        }
        digitsStart = p + 1;
      }
      int q = digitsStart;
      int nanos = 0;
      while (q - digitsStart < maxDigits && isDigit(text, q, end)) {
        if (q - digitsStart < 9) {
          nanos = nanos * 10 + (text.charAt(q) - '0');
        }
        q++;
      }
      int digits = q - digitsStart;
      if (digits < minDigits) {
        return -1;
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
      out.setNanos(nanos);
      return q;
    }
  }

  /** An English month name: full, three-letter, or either; any case. */
  static final class MonthName extends PatternElement {
    private final boolean full;
    private final boolean abbreviated;

    MonthName(String token, boolean full, boolean abbreviated) {
      super(token);
      this.full = full;
      this.abbreviated = abbreviated;
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      int match = matchName(LONG_MONTHS, full, abbreviated, text, p, end);
      if (match < 0) {
        return -1;
      }
      out.setMonth(match % LONG_MONTHS.length + 1);
      return p + matchedLength(LONG_MONTHS, match);
    }
  }

  /** An English weekday name, read and ignored (the date decides the weekday). */
  static final class WeekdayName extends PatternElement {
    private final boolean full;
    private final boolean abbreviated;

    WeekdayName(String token, boolean full, boolean abbreviated) {
      super(token);
      this.full = full;
      this.abbreviated = abbreviated;
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      int match = matchName(LONG_WEEKDAYS, full, abbreviated, text, p, end);
      return match < 0 ? -1 : p + matchedLength(LONG_WEEKDAYS, match);
    }
  }

  /**
   * Finds which of {@code names} is at {@code p}, trying full names before three-letter forms.
   * Returns the name's index for a full match, {@code names.length} + index for an abbreviated one,
   * or -1.
   */
  private static int matchName(
      String[] names, boolean full, boolean abbreviated, String text, int p, int end) {
    if (full) {
      for (int i = 0; i < names.length; i++) {
        int length = names[i].length();
        if (p + length <= end && text.regionMatches(true, p, names[i], 0, length)) {
          return i;
        }
      }
    }
    if (abbreviated) {
      for (int i = 0; i < names.length; i++) {
        if (p + 3 <= end && text.regionMatches(true, p, names[i], 0, 3)) {
          return names.length + i;
        }
      }
    }
    return -1;
  }

  private static int matchedLength(String[] names, int match) {
    return match < names.length ? names[match].length() : 3;
  }

  /** {@code AM} or {@code PM}, any case. */
  static final class AmPm extends PatternElement {
    AmPm(String token) {
      super(token);
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      if (p + 2 > end || (text.charAt(p + 1) != 'M' && text.charAt(p + 1) != 'm')) {
        return -1;
      }
      char first = text.charAt(p);
      if (first == 'A' || first == 'a') {
        out.setPm(false);
      } else if (first == 'P' || first == 'p') {
        out.setPm(true);
      } else {
        return -1;
      }
      return p + 2;
    }
  }

  /** A numeric UTC offset: {@code Z}, {@code ±hh}, {@code ±hhmm}, {@code ±hh:mm}, {@code ±hh:mm:ss}. */
  static final class Offset extends PatternElement {
    /** Whether seconds may follow without a colon, as in Go's {@code -070000}. */
    private final boolean compactSeconds;

    Offset(String token, boolean compactSeconds) {
      super(token);
      this.compactSeconds = compactSeconds;
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      if (p < end && (text.charAt(p) == 'Z' || text.charAt(p) == 'z')) {
        out.setOffsetSeconds(0);
        return p + 1;
      }
      return parseSigned(text, p, end, out, 2, compactSeconds);
    }

    /** Reads {@code ±h[h][[:]mm[[:]ss]]}; the new position, or -1. */
    static int parseSigned(
        String text, int p, int end, ParsedFields out, int minHourDigits, boolean compactSeconds) {
      if (p >= end || (text.charAt(p) != '+' && text.charAt(p) != '-')) {
        return -1;
      }
      int sign = text.charAt(p) == '-' ? -1 : 1;
      int q = p + 1;
      int hours = 0;
      while (q - p - 1 < 2 && isDigit(text, q, end)) {
        hours = hours * 10 + (text.charAt(q++) - '0');
      }
      if (q - p - 1 < minHourDigits) {
        return -1;
      }
      int minutes = 0;
      int seconds = 0;
      if (q < end && text.charAt(q) == ':') {
        minutes = twoDigits(text, q + 1, end);
        q += 3;
        if (minutes >= 0 && q < end && text.charAt(q) == ':') {
          seconds = twoDigits(text, q + 1, end);
          q += 3;
        }
      } else if (twoDigits(text, q, end) >= 0) {
        minutes = twoDigits(text, q, end);
        q += 2;
        if (compactSeconds && twoDigits(text, q, end) >= 0) {
          seconds = twoDigits(text, q, end);
          q += 2;
        }
      }
      if (hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59) {
        return -1;
      }
      out.setOffsetSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
      return q;
    }

    private static int twoDigits(String text, int p, int end) {
      if (!isDigit(text, p, end) || !isDigit(text, p + 1, end)) {
        return -1;
      }
      return (text.charAt(p) - '0') * 10 + (text.charAt(p + 1) - '0');
    }
  }

  /**
   * A zone abbreviation such as {@code UTC} or {@code PST} (see {@link ZoneAbbreviations}),
   * {@code GMT+8}-style names, or a numeric offset.
   */
  static final class ZoneName extends PatternElement {
    private static final int MAX_LETTERS = 6;

    ZoneName(String token) {
      super(token);
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      int signed = Offset.parseSigned(text, p, end, out, 2, false);
      if (signed >= 0) {
        return signed;
      }
      int q = p;
      while (q < end && q - p < MAX_LETTERS && isLetter(text.charAt(q))) {
        q++;
      }
      if (q == p) {
        return -1;
      }
      String name = text.substring(p, q);
      boolean universal =
          name.equalsIgnoreCase("GMT") || name.equalsIgnoreCase("UTC") || name.equalsIgnoreCase("UT");
      if (universal) {
        int withOffset = Offset.parseSigned(text, q, end, out, 1, false);
        if (withOffset >= 0) {
          return withOffset;
        }
      }
      out.setOffsetSeconds(ZoneAbbreviations.offsetSeconds(name));
      return q;
    }

    private static boolean isLetter(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
  }

  /** Whole seconds since the epoch, strftime's {@code %s}. */
  static final class EpochSeconds extends PatternElement {
    private static final int MAX_DIGITS = 18;

    EpochSeconds(String token) {
      super(token);
    }

    @Override
    int parse(String text, int p, int end, ParsedFields out) {
      boolean negative = p < end && text.charAt(p) == '-';
      int start = negative ? p + 1 : p;
      int q = start;
      long value = 0;
      while (q - start < MAX_DIGITS && isDigit(text, q, end)) {
        value = value * 10 + (text.charAt(q++) - '0');
      }
      if (q == start) {
        return -1;
      }
      out.setEpochSeconds(negative ? -value : value);
      return q;
    }
  }
}
