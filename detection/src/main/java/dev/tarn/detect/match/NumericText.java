package dev.tarn.detect.match;

import java.util.regex.Pattern;

/**
 * When text counts as a number. Both engines use these exact patterns (Spark through {@code rlike}), so a string
 * compares numerically in Java exactly when it does in Spark.
 */
public final class NumericText {
  /**
   * Whole numbers that always fit a long (at most 18 digits); compared exactly as longs. Anchored with {@code \A} and
   * {@code \z} because Spark's {@code rlike} searches, and {@code $} would also accept a trailing newline.
   */
  public static final String INTEGER_REGEX = "\\A-?[0-9]{1,18}\\z";

  /** Any decimal number, with optional fraction and exponent; compared as doubles. No spaces, no sign {@code +}. */
  public static final String NUMBER_REGEX = "\\A-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\z";

  private static final Pattern INTEGER = Pattern.compile(INTEGER_REGEX);
  private static final Pattern NUMBER = Pattern.compile(NUMBER_REGEX);

  private NumericText() {}

  /** The number {@code text} spells ({@code Long} or {@code Double}), or null when it is not numeric text. */
  public static Number parse(String text) {
    if (INTEGER.matcher(text).find()) {
      return Long.parseLong(text);
    }
    if (NUMBER.matcher(text).find()) {
      return Double.parseDouble(text);
    }
    return null;
  }
}
