package dev.tarn.time;

/**
 * Proleptic Gregorian date arithmetic on plain ints.
 *
 * <p>The timestamp parsers run once per event on multi-GB ingests; working on ints instead of
 * building {@code LocalDate}/{@code OffsetDateTime} objects keeps them allocation-free.
 */
final class CivilDate {
  static final long MICROS_PER_SECOND = 1_000_000L;
  static final long SECONDS_PER_DAY = 86_400L;

  private CivilDate() {}

  static boolean isLeapYear(long year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  static int lengthOfMonth(long year, int month) {
    switch (month) {
      case 2:
        return isLeapYear(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  static boolean isValid(long year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month);
  }

  /** Days since 1970-01-01 of a valid date (H. Hinnant's days_from_civil). */
  static long epochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    int shiftedMonth = month > 2 ? month - 3 : month + 9;
    long dayOfYear = (153L * shiftedMonth + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /**
   * The date of {@code epochDay} packed as {@code year * 10_000 + month * 100 + day}
   * (H. Hinnant's civil_from_days); years stay positive for any timestamp Spark can hold.
   */
  static long civilFromEpochDay(long epochDay) {
    long z = epochDay + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
    long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return year * 10_000 + month * 100 + day;
  }

  /** Epoch microseconds of a wall-clock time at a UTC offset; fields must already be in range. */
  static long toMicros(long epochDay, int hour, int minute, int second, int nanos, int offsetSeconds) {
    long seconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
    return Math.addExact(Math.multiplyExact(seconds, MICROS_PER_SECOND), nanos / 1000);
  }
}
