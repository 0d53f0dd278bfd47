package dev.tarn.detect.match;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The comparison rules of match conditions over JSON-like Java values (README-match.md, "Semantics"). Null stands
 * for both a missing key and an explicit null. Every method returns the positive result; callers negate.
 */
final class ValueSemantics {
  private ValueSemantics() {}

  /**
   * Equals: numbers compare numerically (with numeric text when the other side is a number), booleans compare with
   * booleans or with the text true/false in any case, text compares with text; lists and objects are never equal.
   */
  static boolean equal(Object a, Object b, boolean ignoreCase) {
    ValueKind ka = ValueKind.of(a);
    ValueKind kb = ValueKind.of(b);
    if (ka == null || kb == null || !comparable(ka) || !comparable(kb)) {
      return false;
    }
    if (ka.isNumber() || kb.isNumber()) {
      Integer c = compareNumbers(a, b);
      return c != null && c == 0;
    }
    if (ka == ValueKind.BOOLEAN || kb == ValueKind.BOOLEAN) {
      if (ka == kb) {
        return a.equals(b);
      }
      return ka == ValueKind.BOOLEAN ? ((String) b).equalsIgnoreCase(a.toString())
          : ((String) a).equalsIgnoreCase(b.toString());
    }
    return ignoreCase ? lower((String) a).equals(lower((String) b)) : a.equals(b);
  }

  private static boolean comparable(ValueKind k) {
    return k == ValueKind.STRING || k.isNumber() || k == ValueKind.BOOLEAN;
  }

  /**
   * Orders two values as numbers: whole numbers (and whole-number text) exactly, anything else as doubles. Null when
   * either side is not a number or numeric text ({@link NumericText}).
   */
  static Integer compareNumbers(Object a, Object b) {
    Number x = asNumber(a);
    Number y = asNumber(b);
    if (x == null || y == null) {
      return null;
    }
    if (x instanceof Long lx && y instanceof Long ly) {
      return Long.compare(lx, ly);
    }
    double dx = x.doubleValue();
    double dy = y.doubleValue();
    if (dx < dy) {
      return -1;
    }
    if (dx > dy) {
      return 1;
    }
    return dx == dy ? 0 : null; // NaN orders with nothing
  }

  private static Number asNumber(Object v) {
    ValueKind k = ValueKind.of(v);
    if (k == ValueKind.INTEGER) {
      return ((Number) v).longValue();
    }
    if (k == ValueKind.DECIMAL) {
      return ((Number) v).doubleValue();
    }
    if (k == ValueKind.STRING) {
      return NumericText.parse((String) v);
    }
    return null;
  }

  /** Contains: list membership (by {@link #equal}) on a list, else substring of the text forms. */
  static boolean contains(Object a, Object b, boolean ignoreCase) {
    if (a instanceof List<?> list) {
      for (Object element : list) {
        if (equal(element, b, ignoreCase)) {
          return true;
        }
      }
      return false;
    }
    return compareText(a, b, ignoreCase, String::contains);
  }

  static boolean startsWith(Object a, Object b, boolean ignoreCase) {
    return compareText(a, b, ignoreCase, String::startsWith);
  }

  static boolean endsWith(Object a, Object b, boolean ignoreCase) {
    return compareText(a, b, ignoreCase, String::endsWith);
  }

  /** {@code test} on the text forms of two scalars (lower-cased when ignoring case); false unless both have one. */
  private static boolean compareText(Object a, Object b, boolean ignoreCase, BiPredicate<String, String> test) {
    String ta = text(a);
    String tb = text(b);
    if (ta == null || tb == null) {
      return false;
    }
    return ignoreCase ? test.test(lower(ta), lower(tb)) : test.test(ta, tb);
  }

  /**
   * The text form of a scalar: strings as they are, numbers as Java prints them ({@code 5}, {@code 1.5}), booleans as
   * {@code true}/{@code false}; null for lists, objects and null.
   */
  static String text(Object v) {
    ValueKind k = ValueKind.of(v);
    if (k == null || !k.hasText()) {
      return null;
    }
    if (k == ValueKind.INTEGER) {
      return Long.toString(((Number) v).longValue());
    }
    if (v instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return v.toString();
  }

  /** Null, an empty string, an empty list, or an object none of whose fields has a non-null value. */
  static boolean isNullOrEmpty(Object v) {
    if (v == null) {
      return true;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return l.isEmpty();
    }
    if (v instanceof Map<?, ?> m) {
      return m.values().stream().allMatch(x -> x == null);
    }
    return false;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
