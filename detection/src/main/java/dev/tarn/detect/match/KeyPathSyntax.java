package dev.tarn.detect.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code KeyPath} syntax: names separated by dots, each optionally followed by list positions in brackets
 * ({@code a.b[0].c}, {@code records[-1]}), with an optional leading {@code $.} as in JSONPath. A name is any text
 * without {@code .}, {@code [} or {@code ]}; keys that contain those characters need {@code DeepKey}.
 */
final class KeyPathSyntax {
  static final String EXAMPLE = "write names separated by dots with optional [index] parts, e.g. a.b[0].c";

  private KeyPathSyntax() {}

  static List<PathStep> parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("the key path is empty; " + EXAMPLE);
    }
    String s = text.startsWith("$.") ? text.substring(2) : text;
    List<PathStep> steps = new ArrayList<>();
    int i = 0;
    while (true) {
      int start = i;
      while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[' && s.charAt(i) != ']') {
        i++;
      }
      if (i == start) {
        throw problem(text, "a name is missing at position " + (offset(text, s) + i));
      }
      steps.add(new PathStep.Field(s.substring(start, i)));
      while (i < s.length() && s.charAt(i) == '[') {
        int close = s.indexOf(']', i);
        if (close < 0) {
          throw problem(text, "'[' at position " + (offset(text, s) + i) + " is not closed");
        }
        steps.add(new PathStep.Index(index(text, s.substring(i + 1, close))));
        i = close + 1;
      }
      if (i == s.length()) {
        return List.copyOf(steps);
      }
      if (s.charAt(i) != '.') {
        throw problem(text, "unexpected '" + s.charAt(i) + "' at position " + (offset(text, s) + i));
      }
      i++;
      if (i == s.length()) {
        throw problem(text, "it ends with '.'");
      }
    }
  }

  private static int index(String text, String digits) {
    if (digits.equals("*")) {
      throw problem(text, "wildcards ([*]) are not supported; use a list comprehension such as AnyElement");
    }
    if (!digits.matches("-?[0-9]{1,9}")) {
      throw problem(text, "'[" + digits + "]' is not a list position (expected a whole number such as [0] or [-1])");
    }
    return Integer.parseInt(digits);
  }

  private static int offset(String text, String s) {
    return text.length() - s.length();
  }

  private static IllegalArgumentException problem(String text, String what) {
    return new IllegalArgumentException("'" + text + "' is not a key path: " + what + "; " + EXAMPLE);
  }
}
