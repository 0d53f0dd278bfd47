package dev.tarn.time;

import dev.tarn.time.ParsedFields.Field;
import dev.tarn.time.PatternElement.AmPm;
import dev.tarn.time.PatternElement.Digits;
import dev.tarn.time.PatternElement.EpochSeconds;
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
 * Compiles strftime patterns ({@code %d/%b/%Y:%H:%M:%S %z}) with strptime's reading rules: numbers
 * may have fewer digits than their printed width and leading spaces, whitespace in the pattern
 * matches any run of whitespace (or none), names match in any case and in full or abbreviated form.
 */
final class Strftime {
  static final String SUPPORTED =
      "%Y %y %m %d %e %j %H %k %I %l %M %S %f %p %b %h %B %a %A %u %w %z %:z %Z %s %T %D %F %R %r"
          + " %c %x %X %n %t %%";

  private Strftime() {}

  static PatternFormat compile(String spec) {
    List<PatternElement> elements = new ArrayList<>();
    append(spec, spec, elements);
    return new PatternFormat(spec, "strftime pattern " + spec, elements);
  }

  private static void append(String pattern, String spec, List<PatternElement> out) {
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        flush(literal, out);
        if (out.isEmpty() || !(out.get(out.size() - 1) instanceof Spaces)) {
          out.add(new Spaces(0));
        }
        continue;
      }
      if (c != '%') {
        literal.append(c);
        continue;
      }
      int directiveStart = i;
      // Padding flags and the E/O locale modifiers change printing only; reading is lenient anyway.
      while (i + 1 < pattern.length() && "-_0^#EO".indexOf(pattern.charAt(i + 1)) >= 0) {
        i++;
      }
      if (i + 1 >= pattern.length()) {
        throw unsupported(pattern.substring(directiveStart), spec);
      }
      char directive = pattern.charAt(++i);
      if (directive == '%') {
        literal.append('%');
        continue;
      }
      if (directive == ':' && i + 1 < pattern.length() && pattern.charAt(i + 1) == 'z') {
        i++;
        directive = 'z';
      }
      flush(literal, out);
      String token = pattern.substring(directiveStart, i + 1);
      PatternElement element = element(directive, token);
      if (element != null) {
        out.add(element);
        continue;
      }
      String expansion = expansion(directive);
      if (expansion == null) {
        throw unsupported(token, spec);
      }
      append(expansion, spec, out);
    }
    flush(literal, out);
  }

  private static PatternElement element(char directive, String token) {
    switch (directive) {
      case 'Y':
        return new Digits(token, Field.YEAR, 1, 4, true);
      case 'y':
        return new Digits(token, Field.YEAR_OF_CENTURY, 1, 2, true);
      case 'm':
        return new Digits(token, Field.MONTH, 1, 2, true);
      case 'd':
      case 'e':
        return new Digits(token, Field.DAY, 1, 2, true);
      case 'j':
        return new Digits(token, Field.DAY_OF_YEAR, 1, 3, true);
      case 'H':
      case 'k':
        return new Digits(token, Field.HOUR, 1, 2, true);
      case 'I':
      case 'l':
        return new Digits(token, Field.HOUR_OF_AM_PM, 1, 2, true);
      case 'M':
        return new Digits(token, Field.MINUTE, 1, 2, true);
      case 'S':
        return new Digits(token, Field.SECOND, 1, 2, true);
      case 'u':
      case 'w':
        return new Digits(token, Field.IGNORED, 1, 1, true);
      case 'f':
        return new Fraction(token, false, false, 1, Integer.MAX_VALUE);
      case 'p':
      case 'P':
        return new AmPm(token);
      case 'b':
      case 'h':
      case 'B':
        return new MonthName(token, true, true);
      case 'a':
      case 'A':
        return new WeekdayName(token, true, true);
      case 'z':
        return new Offset(token, false);
      case 'Z':
        return new ZoneName(token);
      case 's':
        return new EpochSeconds(token);
      case 'n':
      case 't':
        return new Spaces(0);
      default:
        return null;
    }
  }

  /** The pattern a composite directive stands for (C locale), or null. */
  private static String expansion(char directive) {
    switch (directive) {
      case 'T':
      case 'X':
        return "%H:%M:%S";
      case 'D':
      case 'x':
        return "%m/%d/%y";
      case 'F':
        return "%Y-%m-%d";
      case 'R':
        return "%H:%M";
      case 'r':
        return "%I:%M:%S %p";
      case 'c':
        return "%a %b %e %H:%M:%S %Y";
      default:
        return null;
    }
  }

  private static void flush(StringBuilder literal, List<PatternElement> out) {
    if (literal.length() > 0) {
      out.add(new Literal(literal.toString()));
      literal.setLength(0);
    }
  }

  private static IllegalArgumentException unsupported(String directive, String spec) {
    return new IllegalArgumentException(
        "Unsupported strftime directive \""
            + directive
            + "\" in timeFormat \""
            + spec
            + "\" (supported: "
            + SUPPORTED
            + ")");
  }
}
