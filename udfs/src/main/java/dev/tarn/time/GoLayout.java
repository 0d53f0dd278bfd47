package dev.tarn.time;

import dev.tarn.time.ParsedFields.Field;
import dev.tarn.time.PatternElement.AmPm;
import dev.tarn.time.PatternElement.Digits;
import dev.tarn.time.PatternElement.Fraction;
import dev.tarn.time.PatternElement.Literal;
import dev.tarn.time.PatternElement.MonthName;
import dev.tarn.time.PatternElement.Offset;
import dev.tarn.time.PatternElement.Spaces;
import dev.tarn.time.PatternElement.WeekdayName;
import dev.tarn.time.PatternElement.ZoneName;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles {@code layout=<Go layout>} specs, in which the reference time
 * {@code Mon Jan 2 15:04:05 MST 2006} spells the format ({@code 02/Jan/2006:15:04:05 -0700}).
 *
 * <p>Tokens are recognised as Go's {@code time.Parse} recognises them, with its reading rules:
 * {@code 01}/{@code 02}/... need two digits, {@code 1}/{@code 2}/{@code 15} take one or two,
 * {@code _2} allows a leading space, a fraction may follow the seconds even when the layout has
 * none, and names match in any case. Unlike Go, every numeric-offset token also accepts {@code Z},
 * and zone abbreviations get their real offsets (see {@link ZoneAbbreviations}).
 */
final class GoLayout {
  static final String SPEC_PREFIX = "layout=";

  private static final String[] OFFSET_TOKENS = {"070000", "07:00:00", "0700", "07:00", "07"};

  private GoLayout() {}

  static PatternFormat compile(String spec) {
    String layout = spec.substring(SPEC_PREFIX.length());
    if (layout.isBlank()) {
      throw new IllegalArgumentException(
          "Empty Go layout in timeFormat \"" + spec + "\" (expected e.g. layout=2006-01-02 15:04:05)");
    }
    List<PatternElement> elements = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < layout.length()) {
      char c = layout.charAt(i);
      if (c == ' ' || c == '\t') {
        flush(literal, elements);
        while (i < layout.length() && (layout.charAt(i) == ' ' || layout.charAt(i) == '\t')) {
          i++;
        }
        elements.add(new Spaces(1));
        continue;
      }
      String token = token(layout, i);
      if (token == null) {
        literal.append(c);
        i++;
        continue;
      }
      flush(literal, elements);
      elements.add(element(token));
      i += token.length();
      boolean seconds = token.equals("05") || token.equals("5");
      String next = i < layout.length() ? token(layout, i) : null;
      if (seconds && (next == null || !isFraction(next))) {
        elements.add(Fraction.implicitAfterSeconds());
      }
    }
    flush(literal, elements);
    return new PatternFormat(spec, "Go layout " + layout, elements);
  }

  /** The reference-time token starting at {@code i}, in Go's order of precedence, or null. */
  private static String token(String layout, int i) {
    char c = layout.charAt(i);
    switch (c) {
      case 'J':
        return firstPrefix(layout, i, "January", "Jan");
      case 'M':
        return firstPrefix(layout, i, "Monday", "Mon", "MST");
      case '0':
        if (i + 1 < layout.length() && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
          return layout.substring(i, i + 2);
        }
        return firstPrefix(layout, i, "002");
      case '1':
        return firstPrefix(layout, i, "15", "1");
      case '2':
        return firstPrefix(layout, i, "2006", "2");
      case '_':
        // "_2006" is a literal underscore before a year, not a space-padded day.
        if (layout.startsWith("_2006", i)) {
          return null;
        }
        return firstPrefix(layout, i, "__2", "_2");
      case '3':
      case '4':
      case '5':
        return String.valueOf(c);
      case 'P':
        return firstPrefix(layout, i, "PM");
      case 'p':
        return firstPrefix(layout, i, "pm");
      case '-':
      case 'Z':
        for (String offset : OFFSET_TOKENS) {
          if (layout.startsWith(offset, i + 1)) {
            return c + offset;
          }
        }
        return null;
      case '.':
      case ',':
        return fractionToken(layout, i);
      default:
        return null;
    }
  }

  /** {@code .000}/{@code .999} (or with a comma): one repeated digit not followed by another digit. */
  private static String fractionToken(String layout, int i) {
    if (i + 1 >= layout.length() || (layout.charAt(i + 1) != '0' && layout.charAt(i + 1) != '9')) {
      return null;
    }
    char digit = layout.charAt(i + 1);
    int j = i + 1;
    while (j < layout.length() && layout.charAt(j) == digit) {
      j++;
    }
    if (j < layout.length() && layout.charAt(j) >= '0' && layout.charAt(j) <= '9') {
      return null;
    }
    return layout.substring(i, j);
  }

  private static boolean isFraction(String token) {
    return token.charAt(0) == '.' || token.charAt(0) == ',';
  }

  private static PatternElement element(String token) {
    if (isFraction(token)) {
      int digits = token.length() - 1;
      return token.charAt(1) == '0'
          ? new Fraction(token, true, false, digits, digits)
          : new Fraction(token, true, true, 1, Integer.MAX_VALUE);
    }
    if (token.length() > 1 && (token.charAt(0) == '-' || token.charAt(0) == 'Z')) {
      return new Offset(token, token.length() == 7);
    }
    switch (token) {
      case "January":
        return new MonthName(token, true, false);
      case "Jan":
        return new MonthName(token, false, true);
      case "Monday":
        return new WeekdayName(token, true, false);
      case "Mon":
        return new WeekdayName(token, false, true);
      case "MST":
        return new ZoneName(token);
      case "01":
        return new Digits(token, Field.MONTH, 2, 2, false);
      case "1":
        return new Digits(token, Field.MONTH, 1, 2, false);
      case "02":
        return new Digits(token, Field.DAY, 2, 2, false);
      case "2":
        return new Digits(token, Field.DAY, 1, 2, false);
      case "_2":
        return new Digits(token, Field.DAY, 1, 2, true);
      case "002":
        return new Digits(token, Field.DAY_OF_YEAR, 3, 3, false);
      case "__2":
        return new Digits(token, Field.DAY_OF_YEAR, 1, 3, true);
      case "2006":
        return new Digits(token, Field.YEAR, 4, 4, false);
      case "06":
        return new Digits(token, Field.YEAR_OF_CENTURY, 2, 2, false);
      case "15":
        return new Digits(token, Field.HOUR, 1, 2, false);
      case "03":
        return new Digits(token, Field.HOUR_OF_AM_PM, 2, 2, false);
      case "3":
        return new Digits(token, Field.HOUR_OF_AM_PM, 1, 2, false);
      case "04":
        return new Digits(token, Field.MINUTE, 2, 2, false);
      case "4":
        return new Digits(token, Field.MINUTE, 1, 2, false);
      case "05":
        return new Digits(token, Field.SECOND, 2, 2, false);
      case "5":
        return new Digits(token, Field.SECOND, 1, 2, false);
      case "PM":
      case "pm":
        return new AmPm(token);
      default:
        throw new IllegalStateException("Unhandled Go layout token: " + token);
    }
  }

  private static String firstPrefix(String layout, int i, String... candidates) {
    for (String candidate : candidates) {
      if (layout.startsWith(candidate, i)) {
        return candidate;
      }
    }
    return null;
  }

  private static void flush(StringBuilder literal, List<PatternElement> out) {
    if (literal.length() > 0) {
      out.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }
}
