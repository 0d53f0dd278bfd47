package dev.tarn.time;

/**
 * The calendar fields a {@link PatternFormat} has read so far from one text. Fields a pattern does
 * not mention keep their defaults: 1970-01-01, midnight, UTC.
 */
final class ParsedFields {
  /** The numeric fields a pattern element can fill. */
  enum Field {
    YEAR,
    YEAR_OF_CENTURY,
    MONTH,
    DAY,
    DAY_OF_YEAR,
    HOUR,
    HOUR_OF_AM_PM,
    MINUTE,
    SECOND,
    /** Read and checked but not used, e.g. a weekday number. */
    IGNORED
  }

  private long year = 1970;
  private int month = 1;
  private int day = 1;
  private boolean monthOrDaySet;
  private int dayOfYear;
  private int hour;
  private int hourOfAmPm = -1;
  /** Whether an AM/PM marker was read, and which. */
  private boolean meridiemSet;
  private boolean pm;
  private int minute;
  private int second;
  private int nanos;
  private int offsetSeconds;
  private boolean epochSet;
  private long epochSeconds;

  void set(Field field, int value) {
    switch (field) {
      case YEAR:
        year = value;
        break;
      case YEAR_OF_CENTURY:
        // POSIX and Go agree: 69–99 are the 1900s, 00–68 the 2000s.
        year = value >= 69 ? 1900 + value : 2000 + value;
        break;
      case MONTH:
        month = value;
        monthOrDaySet = true;
        break;
      case DAY:
        day = value;
        monthOrDaySet = true;
        break;
      case DAY_OF_YEAR:
        dayOfYear = value;
        break;
      case HOUR:
        hour = value;
        break;
      case HOUR_OF_AM_PM:
        hourOfAmPm = value;
        break;
      case MINUTE:
        minute = value;
        break;
      case SECOND:
        second = value;
        break;
      case IGNORED:
        break;
    }
  }

  void setMonth(int month) {
    set(Field.MONTH, month);
  }

  void setPm(boolean pm) {
    this.meridiemSet = true;
    this.pm = pm;
  }

  void setNanos(int nanos) {
    this.nanos = nanos;
  }

  void setOffsetSeconds(int offsetSeconds) {
    this.offsetSeconds = offsetSeconds;
  }

  void setEpochSeconds(long epochSeconds) {
    this.epochSet = true;
    this.epochSeconds = epochSeconds;
  }

  /**
   * Epoch microseconds of the fields read.
   *
   * @throws TimestampParseException when they do not make a real date and time
   */
  long toMicros(String text, String expected) {
    try {
      if (epochSet) {
        return Math.addExact(
            Math.multiplyExact(epochSeconds, CivilDate.MICROS_PER_SECOND), nanos / 1000);
      }
      int resolvedHour = hourOfAmPm >= 0 ? hourOfAmPm : hour;
      if (hourOfAmPm > 12) {
        throw new TimestampParseException(text, expected, "hour " + hourOfAmPm + " is not 1-12");
      }
      // Go's rule, applied whichever hour field was read: "12 AM" is midnight, "1 PM" is 13:00.
      if (meridiemSet && pm && resolvedHour < 12) {
        resolvedHour += 12;
      } else if (meridiemSet && !pm && resolvedHour == 12) {
        resolvedHour = 0;
      }
      if (resolvedHour > 23 || minute > 59 || second > 59) {
        throw new TimestampParseException(
            text,
            expected,
            String.format("time %02d:%02d:%02d is out of range", resolvedHour, minute, second));
      }
      long epochDay;
      if (dayOfYear > 0 && !monthOrDaySet) {
        if (dayOfYear > (CivilDate.isLeapYear(year) ? 366 : 365)) {
          throw new TimestampParseException(
              text, expected, "day of year " + dayOfYear + " is out of range for " + year);
        }
        epochDay = CivilDate.epochDay(year, 1, 1) + dayOfYear - 1;
      } else {
        if (!CivilDate.isValid(year, month, day)) {
          throw new TimestampParseException(
              text, expected, String.format("no such date %04d-%02d-%02d", year, month, day));
        }
        epochDay = CivilDate.epochDay(year, month, day);
      }
      return CivilDate.toMicros(epochDay, resolvedHour, minute, second, nanos, offsetSeconds);
    } catch (ArithmeticException overflow) {
      throw new TimestampParseException(text, expected, "out of range");
    }
  }
}
