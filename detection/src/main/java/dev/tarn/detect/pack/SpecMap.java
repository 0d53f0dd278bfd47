package dev.tarn.detect.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping of a spec, read with Panther's types: every getter checks the type and, on a mismatch, throws a
 * {@link SpecException} that names the key, the line and what was expected.
 */
final class SpecMap {
  /** Panther's ID and DisplayName rule. */
  private static final Pattern NAME_ID = Pattern.compile("^[^<>&\"%]+$");

  private final Node node;
  private final String path;
  private final Map<String, NodeTuple> entries;

  private SpecMap(Node node, String path, Map<String, NodeTuple> entries) {
    this.node = node;
    this.path = path;
    this.entries = entries;
  }

  /** @param path where the mapping sits, for messages ("" at the top of the file, else e.g. {@code Tests[2]}) */
  static SpecMap of(Node node, String path, String expected) {
    if (!(node instanceof MappingNode mapping)) {
      throw new SpecException(YamlValues.line(node), (path.isEmpty() ? "the file" : path) + " must be a mapping of "
          + expected + ", found " + describe(node));
    }
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      String key = YamlValues.key(t.getKeyNode());
      if (entries.put(key, t) != null) {
        throw new SpecException(YamlValues.line(t.getKeyNode()),
            "duplicate key '" + qualify(path, key) + "'; keep only one of them");
      }
    }
    return new SpecMap(node, path, entries);
  }

  /** Rejects keys outside {@code allowed}, naming all of them and the allowed keys. */
  void allowOnly(Set<String> allowed, String what) {
    List<String> unknown = entries.keySet().stream().filter(k -> !allowed.contains(k)).toList();
    if (unknown.isEmpty()) {
      return;
    }
    String names = unknown.stream().map(k -> "'" + qualify(path, k) + "'").collect(Collectors.joining(", "));
    throw new SpecException(line(unknown.get(0)), "unknown key" + (unknown.size() > 1 ? "s " : " ") + names + " in "
        + what + "; allowed keys: " + String.join(", ", new TreeSet<>(allowed))
        + ". Check the spelling or remove " + (unknown.size() > 1 ? "them" : "it"));
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Set<String> keys() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  Node node(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** The line of the mapping itself. */
  int line() {
    return YamlValues.line(node);
  }

  /** The line of a key, or of the mapping when the key is absent. */
  int line(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? line() : YamlValues.line(t.getKeyNode());
  }

  String name(String key) {
    return qualify(path, key);
  }

  SpecException error(String key, String message) {
    return new SpecException(line(key), message);
  }

  // ---- typed getters ------------------------------------------------------------------------------------------

  String string(String key) {
    require(key);
    return optString(key);
  }

  String optString(String key) {
    return optScalar(key, String.class, "a string");
  }

  /** A required string that is a valid Panther ID or display name (no {@code < > & " %}). */
  String id(String key) {
    require(key);
    return optName(key);
  }

  String optName(String key) {
    String value = optString(key);
    if (value != null && !NAME_ID.matcher(value).matches()) {
      throw error(key, name(key) + " '" + value + "' is not allowed: it must be non-empty and must not contain any of"
          + " < > & \" %");
    }
    return value;
  }

  boolean bool(String key) {
    require(key);
    return optBool(key);
  }

  Boolean optBool(String key) {
    return optScalar(key, Boolean.class, "true or false");
  }

  long integer(String key) {
    require(key);
    return optInteger(key);
  }

  Long optInteger(String key) {
    return optScalar(key, Long.class, "a whole number");
  }

  /** The value when it is a scalar YAML reads as {@code type}; absent → null. */
  private <T> T optScalar(String key, Class<T> type, String expected) {
    Node value = node(key);
    if (value == null) {
      return null;
    }
    Object scalar = value instanceof ScalarNode s ? YamlValues.scalar(s) : null;
    if (!type.isInstance(scalar)) {
      throw error(key, name(key) + " must be " + expected + ", found " + describe(value) + hint(type, value));
    }
    return type.cast(scalar);
  }

  /** How to fix a value YAML typed other than the author meant. */
  private static String hint(Class<?> expected, Node value) {
    if (expected == Boolean.class) {
      return " (YAML 1.2 reads only true/false as booleans, not yes/no/on/off)";
    }
    return expected == String.class && value instanceof ScalarNode ? "; quote it" : "";
  }

  /** An int that fits Java's {@code int}. */
  Integer optInt(String key) {
    Long value = optInteger(key);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(key, name(key) + " " + value + " is out of range");
    }
    return value.intValue();
  }

  /** A list of strings; absent → empty. */
  List<String> stringList(String key) {
    Node value = node(key);
    if (value == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : sequence(key)) {
      if (!(item instanceof ScalarNode s) || !(YamlValues.scalar(s) instanceof String text)) {
        throw new SpecException(YamlValues.line(item), name(key) + " must be a list of strings, found an item "
            + describe(item) + hint(String.class, item));
      }
      out.add(text);
    }
    return List.copyOf(out);
  }

  List<String> requiredStringList(String key) {
    require(key);
    return stringList(key);
  }

  /** The items of a list; absent → empty. */
  List<Node> sequence(String key) {
    Node value = node(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof SequenceNode seq)) {
      throw error(key, name(key) + " must be a list, found " + describe(value));
    }
    return seq.getValue();
  }

  SpecMap map(String key, String expected) {
    require(key);
    return SpecMap.of(node(key), name(key), expected);
  }

  /** {@code key: {name: [values]}} (Panther's {@code Reports}); list items keep their YAML spelling. */
  Map<String, List<String>> stringListMap(String key) {
    Node value = node(key);
    if (value == null) {
      return Map.of();
    }
    SpecMap map = SpecMap.of(value, name(key), "names to lists");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String k : map.keys()) {
      List<String> items = new ArrayList<>();
      for (Node item : map.sequence(k)) {
        if (!(item instanceof ScalarNode s)) {
          throw new SpecException(YamlValues.line(item), map.name(k) + " must list plain values, found "
              + describe(item));
        }
        items.add(s.getValue());
      }
      out.put(k, List.copyOf(items));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The value as JSON-like Java values, or null when absent. */
  Object value(String key) {
    Node value = node(key);
    return value == null ? null : YamlValues.toJava(value);
  }

  void require(String key) {
    if (!has(key)) {
      throw new SpecException(line(), "missing required key '" + name(key) + "'");
    }
  }

  /** Exactly one of two keys; the messages say what each is for. */
  String exactlyOne(String a, String b, String why) {
    if (has(a) && has(b)) {
      throw error(b, "both " + name(a) + " and " + name(b) + " are set; " + why + ", keep one of them");
    }
    if (!has(a) && !has(b)) {
      throw new SpecException(line(), "missing " + name(a) + " or " + name(b) + "; " + why + ", add one of them");
    }
    return has(a) ? a : b;
  }

  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    Object value = YamlValues.scalar((ScalarNode) node);
    if (value == null) {
      return "an empty value";
    }
    String kind = value instanceof String ? "" : value instanceof Boolean ? " (a boolean)"
        : value instanceof Double ? " (a number)" : " (an integer)";
    return "'" + ((ScalarNode) node).getValue() + "'" + kind;
  }

  private static String qualify(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
