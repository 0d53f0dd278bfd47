package dev.tarn.generate;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as people write them: {@code 1GB}, {@code 512MB}, {@code 1.5GiB}, {@code 20000} (bytes); 1 KB = 1024 B. */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?B)?");
  private static final String UNITS = "KMGT";

  private ByteSize() {}

  public static long parse(String text) {
    Matcher matcher = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("Invalid size: '" + text + "' (expected a number with an optional unit "
          + "KB, MB, GB or TB, e.g. 1GB or 500MB)");
    }
    double number = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2);
    double bytes = number * (unit.isEmpty() ? 1 : Math.pow(1024, UNITS.indexOf(unit) + 1));
    if (bytes >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("Invalid size: '" + text + "' (too large)");
    }
    return Math.round(bytes);
  }

  /** The size with one decimal in the largest unit that keeps it at least 1 ({@code 1.5 MB}). */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length() - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %cB", value, UNITS.charAt(unit));
  }
}
