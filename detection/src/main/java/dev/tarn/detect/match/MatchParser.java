package dev.tarn.detect.match;

import dev.tarn.detect.match.Condition.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses match expressions from the raw YAML value snakeyaml-engine produces ({@code Map}, {@code List},
 * {@code String}, numbers, {@code Boolean}). Every mistake is a {@link MatchSyntaxException} naming where it is
 * ({@code Detection[0].Any[2]}), what is wrong and what is accepted.
 */
public final class MatchParser {
  private static final List<String> COMBINATORS = List.of("All", "Any", "OnlyOne", "None");
  private static final List<String> KEY_SPECIFIERS = List.of("Key", "DeepKey", "KeyPath", "Enrichment");
  private static final List<String> EXPRESSION_KEYS =
      List.of("Key", "DeepKey", "KeyPath", "Enrichment", "Condition", "Value", "Values", "Expressions");
  private static final List<String> INLINE_KEYS =
      List.of("Key", "KeyPath", "Enrichment", "Condition", "Value", "Values", "All", "Any");
  private static final String INLINE_RULE =
      "InlineFilters allow only the All and Any combinators and Key, KeyPath or Enrichment expressions";

  private final boolean inlineFilters;

  private MatchParser(boolean inlineFilters) {
    this.inlineFilters = inlineFilters;
  }

  /**
   * Parses {@code Detection:} ({@code inlineFilters} false) or {@code InlineFilters:} (true): a list of match
   * expressions that must all hold.
   */
  public static MatchExpression parse(Object yamlValue, boolean inlineFilters) {
    return parse(yamlValue, inlineFilters, inlineFilters ? "InlineFilters" : "Detection");
  }

  /** As {@link #parse(Object, boolean)}, with messages rooted at {@code rootPath} (e.g. a DynamicSeverities entry). */
  public static MatchExpression parse(Object yamlValue, boolean inlineFilters, String rootPath) {
    return new MatchParser(inlineFilters).all(yamlValue, rootPath);
  }

  private MatchExpression.All all(Object node, String path) {
    return new MatchExpression.All(items(node, path));
  }

  private List<MatchExpression> items(Object node, String path) {
    List<?> list = YamlNodes.list(node, path, "a list of match expressions");
    List<MatchExpression> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(expression(list.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  private MatchExpression expression(Object node, String path) {
    Map<String, Object> m = YamlNodes.map(node, path, "a match expression (a map with a key specifier and a "
        + "Condition, or one of " + String.join(", ", COMBINATORS) + ")");
    for (String k : m.keySet()) {
      checkKnown(k, path);
    }
    List<String> combinators = present(m, COMBINATORS);
    if (!combinators.isEmpty()) {
      return combinator(m, combinators, path);
    }
    Condition condition = condition(m, path);
    List<String> specifiers = present(m, KEY_SPECIFIERS);
    if (specifiers.size() > 1) {
      throw new MatchSyntaxException(path, "has both " + specifiers.get(0) + " and " + specifiers.get(1)
          + "; use exactly one key specifier");
    }
    KeySpec key = specifiers.isEmpty() ? null : YamlNodes.keySpec(specifiers.get(0), m.get(specifiers.get(0)), path);
    if (condition.shape() == Shape.ABSOLUTE) {
      inlineCheck(path, condition.yamlName());
      if (key != null || m.containsKey("Value") || m.containsKey("Values") || m.containsKey("Expressions")) {
        throw new MatchSyntaxException(path,
            "Condition " + condition.yamlName() + " takes no key specifier, Value, Values or Expressions");
      }
      return new MatchExpression.Absolute(!condition.negated());
    }
    if (m.containsKey("Expressions") && condition.shape() != Shape.ELEMENTS) {
      throw new MatchSyntaxException(path, "Expressions is only for the list comprehension conditions "
          + "AnyElement, AllElements, NoElement and OnlyOneElement, not " + condition.yamlName());
    }
    if (key == null) {
      return multiKey(m, condition, path);
    }
    switch (condition.shape()) {
      case ELEMENTS:
        return listComprehension(m, key, condition, path);
      case UNARY:
        if (m.containsKey("Value") || m.containsKey("Values")) {
          throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " takes no Value or Values");
        }
        return new MatchExpression.Unary(key, condition);
      case VALUE:
        return keyValue(m, key, condition, path);
      case VALUES:
        return keyValues(m, key, condition, path);
      case CIDR:
        return cidr(m, key, condition, path);
      default:
        throw new IllegalStateException("unhandled shape " + condition.shape());
    }
  }

  private void checkKnown(String k, String path) {
    if (inlineFilters && !INLINE_KEYS.contains(k) && (EXPRESSION_KEYS.contains(k) || COMBINATORS.contains(k))) {
      throw new MatchSyntaxException(path, INLINE_RULE + "; found " + k);
    }
    List<String> known = inlineFilters ? INLINE_KEYS : concat(EXPRESSION_KEYS, COMBINATORS);
    if (!known.contains(k)) {
      String suggestion = Suggestions.closest(k, known);
      throw new MatchSyntaxException(path, "unknown key '" + k + "'" + (suggestion != null
          ? "; did you mean '" + suggestion + "'?" : "; expected one of " + String.join(", ", known)));
    }
  }

  private MatchExpression combinator(Map<String, Object> m, List<String> combinators, String path) {
    String name = combinators.get(0);
    if (combinators.size() > 1) {
      throw new MatchSyntaxException(path, "has both " + name + " and " + combinators.get(1)
          + "; put each combinator in its own list item");
    }
    if (m.size() > 1) {
      String other = m.keySet().stream().filter(k -> !k.equals(name)).findFirst().orElseThrow();
      throw new MatchSyntaxException(path, "a combinator (" + name + ") takes no other keys, found " + other
          + "; put the expression inside the " + name + " list");
    }
    List<MatchExpression> items = items(m.get(name), path + "." + name);
    switch (name) {
      case "All":
        return new MatchExpression.All(items);
      case "Any":
        return new MatchExpression.Any(items);
      case "OnlyOne":
        return new MatchExpression.OnlyOne(items);
      default:
        return new MatchExpression.None(items);
    }
  }

  private Condition condition(Map<String, Object> m, String path) {
    if (!m.containsKey("Condition")) {
      throw new MatchSyntaxException(path, "missing Condition (e.g. Condition: Equals)");
    }
    Object raw = m.get("Condition");
    if (!(raw instanceof String name)) {
      throw new MatchSyntaxException(path, "Condition must be a name such as Equals, got " + YamlNodes.describe(raw));
    }
    Condition c = Condition.named(name).orElse(null);
    if (c == null) {
      String suggestion = Suggestions.closest(name, Condition.allSpellings());
      throw new MatchSyntaxException(path, "unknown Condition '" + name + "'" + (suggestion != null
          ? "; did you mean '" + suggestion + "'?" : "; expected one of " + String.join(", ", Condition.names())));
    }
    return c;
  }

  private MatchExpression multiKey(Map<String, Object> m, Condition condition, String path) {
    String needKey = "Condition " + condition.yamlName() + " needs a key specifier: "
        + (inlineFilters ? "Key, KeyPath or Enrichment" : "Key, DeepKey, KeyPath or Enrichment");
    if (!m.containsKey("Values") || !(m.get("Values") instanceof List<?> values)
        || values.isEmpty() || !(values.get(0) instanceof Map)) {
      throw new MatchSyntaxException(path, needKey);
    }
    if (condition.shape() != Shape.VALUE) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " cannot compare two keys; a "
          + "multi-key expression needs a comparison such as Equals, Contains, StartsWith or IsGreaterThan");
    }
    inlineCheck(path, "a multi-key expression");
    if (m.containsKey("Value")) {
      throw new MatchSyntaxException(path, "a multi-key expression compares the two keys in Values and takes no Value");
    }
    if (values.size() != 2) {
      throw new MatchSyntaxException(path + ".Values",
          "a multi-key expression compares exactly 2 keys, got " + values.size());
    }
    KeySpec[] keys = new KeySpec[2];
    for (int i = 0; i < 2; i++) {
      String itemPath = path + ".Values[" + i + "]";
      Map<String, Object> item = YamlNodes.map(values.get(i), itemPath, "a key specifier (Key, DeepKey or KeyPath)");
      List<String> specifiers = present(item, List.of("Key", "DeepKey", "KeyPath"));
      if (specifiers.size() != 1 || item.size() != 1) {
        throw new MatchSyntaxException(itemPath,
            "expected exactly one key specifier (Key, DeepKey or KeyPath), got " + String.join(", ", item.keySet()));
      }
      keys[i] = YamlNodes.keySpec(specifiers.get(0), item.get(specifiers.get(0)), itemPath);
    }
    return new MatchExpression.MultiKey(condition, keys[0], keys[1]);
  }

  private MatchExpression listComprehension(Map<String, Object> m, KeySpec key, Condition condition, String path) {
    inlineCheck(path, "the list comprehension " + condition.yamlName());
    if (m.containsKey("Value") || m.containsKey("Values")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " takes Expressions, not Value or Values");
    }
    if (!m.containsKey("Expressions")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName()
          + " needs Expressions: the match expressions each list element is tested with");
    }
    return new MatchExpression.ListComprehension(key, condition, all(m.get("Expressions"), path + ".Expressions"));
  }

  private MatchExpression keyValue(Map<String, Object> m, KeySpec key, Condition condition, String path) {
    if (m.containsKey("Values")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName()
          + " takes a single Value, not Values; to compare with a list of values use IsIn");
    }
    if (!m.containsKey("Value")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " needs a Value");
    }
    Object value = YamlNodes.scalar(m.get("Value"), path + ".Value");
    if (condition.operation().isNumeric() && !isNumeric(value)) {
      throw new MatchSyntaxException(path + ".Value", "Condition " + condition.yamlName() + " compares numbers; "
          + YamlNodes.describe(value) + " is not a number");
    }
    return new MatchExpression.KeyValue(key, condition, value);
  }

  private static boolean isNumeric(Object value) {
    return value instanceof Number || (value instanceof String s && NumericText.parse(s) != null);
  }

  private MatchExpression keyValues(Map<String, Object> m, KeySpec key, Condition condition, String path) {
    if (m.containsKey("Value")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " takes Values (a list), not Value");
    }
    if (!m.containsKey("Values")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName() + " needs Values (a list of values)");
    }
    List<?> raw = YamlNodes.list(m.get("Values"), path + ".Values", "a list of values");
    List<Object> values = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      values.add(YamlNodes.scalar(raw.get(i), path + ".Values[" + i + "]"));
    }
    return new MatchExpression.KeyValues(key, condition, values);
  }

  private MatchExpression cidr(Map<String, Object> m, KeySpec key, Condition condition, String path) {
    boolean single = m.containsKey("Value");
    if (single == m.containsKey("Values")) {
      throw new MatchSyntaxException(path, "Condition " + condition.yamlName()
          + " needs either a Value (one CIDR block) or Values (a list of blocks), " + Cidr.EXAMPLE);
    }
    List<?> raw = single ? List.of(nonNull(m.get("Value"), path + ".Value"))
        : YamlNodes.list(m.get("Values"), path + ".Values", "a list of CIDR blocks");
    List<Object> blocks = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String itemPath = single ? path + ".Value" : path + ".Values[" + i + "]";
      String text = YamlNodes.name(raw.get(i), itemPath, "a CIDR block, " + Cidr.EXAMPLE);
      try {
        blocks.add(Cidr.parse(text));
      } catch (IllegalArgumentException e) {
        throw new MatchSyntaxException(itemPath, e.getMessage());
      }
    }
    return new MatchExpression.KeyValues(key, condition, blocks);
  }

  private static Object nonNull(Object node, String path) {
    if (node == null) {
      throw new MatchSyntaxException(path, "expected a CIDR block, " + Cidr.EXAMPLE + ", got nothing");
    }
    return node;
  }

  private void inlineCheck(String path, String found) {
    if (inlineFilters) {
      throw new MatchSyntaxException(path, INLINE_RULE + "; found " + found);
    }
  }

  private static List<String> present(Map<String, Object> m, List<String> names) {
    return names.stream().filter(m::containsKey).toList();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
