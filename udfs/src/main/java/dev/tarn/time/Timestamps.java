package dev.tarn.time;

import java.time.Instant;

/** Writing timestamps back out as text. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * RFC 3339 in UTC with as many fraction digits as needed (none, or up to six without trailing
   * zeros): {@code 2020-09-17T18:49:46.194526Z}, {@code 2020-09-17T18:00:00Z}. This is how parsers
   * rewrite legacy timestamp formats so that {@code rfc3339} reads them back.
   */
  public static String formatRfc3339Micros(long micros) {
    long seconds = Math.floorDiv(micros, CivilDate.MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, CivilDate.MICROS_PER_SECOND);
    long epochDay = Math.floorDiv(seconds, CivilDate.SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, CivilDate.SECONDS_PER_DAY);
    long date = CivilDate.civilFromEpochDay(epochDay);
    long year = date / 10_000;
    if (year < 0 || year > 9999) {
      // RFC 3339 has four-digit years only; fall back to ISO-8601's expanded form.
      return Instant.ofEpochSecond(seconds, fraction * 1_000L).toString();
    }
    char[] out = new char[27];
    put(out, 0, (int) year, 4);
    out[4] = '-';
    put(out, 5, (int) (date / 100 % 100), 2);
    out[7] = '-';
    put(out, 8, (int) (date % 100), 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int length = 19;
    if (fraction != 0) {
      out[19] = '.';
      put(out, 20, fraction, 6);
      length = 26;
      while (out[length - 1] == '0') {
        length--;
      }
    }
    out[length++] = 'Z';
    return new String(out, 0, length);
  }

  private static void put(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
