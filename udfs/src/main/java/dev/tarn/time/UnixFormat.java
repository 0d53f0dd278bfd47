package dev.tarn.time;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Epoch timestamps in seconds, milliseconds, microseconds or nanoseconds.
 *
 * <p>The text is a decimal number: JSON numbers reach parsers as text, and Panther accepted quoted
 * numbers too. Fractions are kept down to the microsecond for every unit (Panther's {@code unix}
 * went through a float64 and could be off by one microsecond; the decimal digits are exact here).
 * The common shapes ({@code 1594227346}, {@code 1594227346.123456}) take an allocation-free path;
 * exponents and very long numbers go through {@link BigDecimal}.
 */
enum UnixFormat implements TimeFormat {
  UNIX("unix", 6, "unix seconds like 1594227346 or 1594227346.123456"),
  UNIX_MS("unix_ms", 3, "unix milliseconds like 1594227346123"),
  UNIX_US("unix_us", 0, "unix microseconds like 1594227346123456"),
  UNIX_NS("unix_ns", -3, "unix nanoseconds like 1594227346123456789");

  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
  private static final int MAX_FAST_DIGITS = 18;

  private final String spec;
  /** Power of ten turning one unit into microseconds: 6 for seconds, -3 for nanoseconds. */
  private final int microsExponent;
  private final String expected;

  UnixFormat(String spec, int microsExponent, String expected) {
    this.spec = spec;
    this.microsExponent = microsExponent;
    this.expected = expected;
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public long parseMicros(String text) {
    return parse(text, expected);
  }

  /** Parses {@code text}, naming {@code expected} in the error when it fails. */
  long parse(String text, String expected) {
    if (text == null) {
      throw new TimestampParseException(null, expected);
    }
    int start = Trim.start(text);
    int end = Trim.end(text, start);
    int p = start;
    boolean negative = p < end && text.charAt(p) == '-';
    if (p < end && (negative || text.charAt(p) == '+')) {
      p++;
    }
    long whole = 0;
    int wholeDigits = 0;
    while (p < end && isDigit(text.charAt(p)) && wholeDigits < MAX_FAST_DIGITS) {
      whole = whole * 10 + (text.charAt(p++) - '0');
      wholeDigits++;
    }
    int keptFractionDigits = Math.max(microsExponent, 0);
    long fraction = 0;
    int fractionDigits = 0;
    boolean belowMicros = false;
    if (p < end && text.charAt(p) == '.') {
      p++;
      while (p < end && isDigit(text.charAt(p))) {
        int digit = text.charAt(p++) - '0';
        if (fractionDigits < keptFractionDigits) {
          fraction = fraction * 10 + digit;
        } else {
          belowMicros |= digit != 0;
        }
        fractionDigits++;
      }
    }
    if (p != end) {
      return parseSlow(text, start, end, expected);
    }
    if (wholeDigits == 0 && fractionDigits == 0) {
      throw new TimestampParseException(text, expected);
    }
    long magnitude;
    try {
      if (microsExponent >= 0) {
        int missing = keptFractionDigits - Math.min(fractionDigits, keptFractionDigits);
        magnitude =
            Math.addExact(
                Math.multiplyExact(whole, POWERS_OF_TEN[microsExponent]),
                fraction * POWERS_OF_TEN[missing]);
      } else {
        long divisor = POWERS_OF_TEN[-microsExponent];
        magnitude = whole / divisor;
        belowMicros |= whole % divisor != 0;
      }
    } catch (ArithmeticException overflow) {
      throw new TimestampParseException(text, expected, "out of range");
    }
    // Dropping sub-microsecond digits moves an instant towards the past, also before 1970.
    return negative ? -magnitude - (belowMicros ? 1 : 0) : magnitude;
  }

  private long parseSlow(String text, int start, int end, String expected) {
    try {
      return new BigDecimal(text.substring(start, end))
          .movePointRight(microsExponent)
          .setScale(0, RoundingMode.FLOOR)
          .longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new TimestampParseException(text, expected);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
