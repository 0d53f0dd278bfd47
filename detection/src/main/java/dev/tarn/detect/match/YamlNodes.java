package dev.tarn.detect.match;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the raw YAML values snakeyaml-engine produces, with errors that name the path. */
final class YamlNodes {
  private YamlNodes() {}

  /** How a YAML value reads in a message: {@code a list}, {@code the text 'x'}, … */
  static String describe(Object node) {
    if (node == null) {
      return "nothing";
    }
    if (node instanceof String s) {
      return "the text '" + s + "'";
    }
    if (node instanceof Number n) {
      return "the number " + n;
    }
    if (node instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (node instanceof List) {
      return "a list";
    }
    if (node instanceof Map) {
      return "a map";
    }
    return "a " + node.getClass().getSimpleName();
  }

  /** A map whose keys are all text, in document order. */
  static Map<String, Object> map(Object node, String path, String expected) {
    if (!(node instanceof Map<?, ?> raw)) {
      throw new MatchSyntaxException(path, "expected " + expected + ", got " + describe(node));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getKey() instanceof String k)) {
        throw new MatchSyntaxException(path, "keys must be names, got " + describe(e.getKey()));
      }
      m.put(k, e.getValue());
    }
    return m;
  }

  /**
   * A map with exactly {@code keys}: an unknown key is reported with the closest known one, a missing key by name.
   *
   * @param holder what the message says has the keys, e.g. {@code each entry has}
   */
  static Map<String, Object> mapWithKeys(Object node, String path, List<String> keys, String holder) {
    String names = String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
    Map<String, Object> m = map(node, path, "a map with " + names);
    for (String k : m.keySet()) {
      if (!keys.contains(k)) {
        String suggestion = Suggestions.closest(k, keys);
        throw new MatchSyntaxException(path, "unknown key '" + k + "'"
            + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "; expected " + names));
      }
    }
    for (String k : keys) {
      if (!m.containsKey(k)) {
        throw new MatchSyntaxException(path, "missing " + k + "; " + holder + " " + names);
      }
    }
    return m;
  }

  static List<?> list(Object node, String path, String expected) {
    if (!(node instanceof List<?> l)) {
      throw new MatchSyntaxException(path, "expected " + expected + ", got " + describe(node));
    }
    return l;
  }

  /** A non-empty text value. */
  static String name(Object node, String path, String what) {
    if (!(node instanceof String s)) {
      throw new MatchSyntaxException(path, "expected " + what + ", got " + describe(node));
    }
    if (s.isEmpty()) {
      throw new MatchSyntaxException(path, "expected " + what + ", got an empty text");
    }
    return s;
  }

  /** A comparison value: {@code String}, {@code Long}, {@code Double} or {@code Boolean}. */
  static Object scalar(Object node, String path) {
    if (node instanceof String || node instanceof Boolean) {
      return node;
    }
    if (node instanceof Integer || node instanceof Long || node instanceof Short || node instanceof Byte) {
      return ((Number) node).longValue();
    }
    if (node instanceof BigInteger b) {
      if (b.bitLength() < 64) {
        return b.longValue();
      }
      throw new MatchSyntaxException(path, b + " is too large for a number; quote it to compare it as text");
    }
    if (node instanceof Double || node instanceof Float) {
      double d = ((Number) node).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new MatchSyntaxException(path, "expected a finite number, got " + node);
      }
      return d;
    }
    if (node == null) {
      throw new MatchSyntaxException(path,
          "expected a string, number or boolean, got nothing; to test for null use IsNull or IsNullOrEmpty");
    }
    throw new MatchSyntaxException(path, "expected a string, number or boolean, got " + describe(node)
        + (node instanceof List ? "; to compare with several values use IsIn with Values" : ""));
  }

  /**
   * A key specifier: {@code Key}, {@code DeepKey}, {@code KeyPath} or {@code Enrichment} ({@code specifier}) with its
   * YAML value.
   */
  static KeySpec keySpec(String specifier, Object node, String path) {
    String at = path + "." + specifier;
    switch (specifier) {
      case "Key":
        return new KeySpec.Key(name(node, at, "a field name"));
      case "KeyPath":
        try {
          return KeySpec.KeyPath.parse(name(node, at, "a key path such as a.b[0].c"));
        } catch (IllegalArgumentException e) {
          throw new MatchSyntaxException(at, e.getMessage());
        }
      case "DeepKey":
        return deepKey(node, at);
      case "Enrichment":
        return enrichment(node, at);
      default:
        throw new IllegalArgumentException("not a key specifier: " + specifier);
    }
  }

  private static KeySpec deepKey(Object node, String at) {
    List<?> items = list(node, at, "a list of field names and list positions");
    if (items.isEmpty()) {
      throw new MatchSyntaxException(at, "expected at least one field name");
    }
    List<PathStep> steps = new java.util.ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      String itemPath = at + "[" + i + "]";
      if (item instanceof Integer || item instanceof Long) {
        long n = ((Number) item).longValue();
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
          throw new MatchSyntaxException(itemPath, "list position " + n + " is too large");
        }
        steps.add(new PathStep.Index((int) n));
      } else {
        steps.add(new PathStep.Field(name(item, itemPath, "a field name or a list position (a whole number)")));
      }
    }
    return new KeySpec.DeepKey(steps);
  }

  private static KeySpec enrichment(Object node, String at) {
    Map<String, Object> m = mapWithKeys(node, at, List.of("Table", "Selector", "FieldPath"), "an Enrichment names");
    String table = name(m.get("Table"), at + ".Table", "a lookup table name");
    String selector = name(m.get("Selector"), at + ".Selector", "a selector (the enriched field)");
    String fieldPath = name(m.get("FieldPath"), at + ".FieldPath", "a key path such as city or location.city");
    try {
      return KeySpec.Enrichment.of(table, selector, fieldPath);
    } catch (IllegalArgumentException e) {
      throw new MatchSyntaxException(at + ".FieldPath", e.getMessage());
    }
  }
}
