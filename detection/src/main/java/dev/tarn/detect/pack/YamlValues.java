package dev.tarn.detect.pack;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * YAML text to nodes, and nodes to JSON-like Java values, with the YAML 1.2 rules Panther's tool uses: only
 * true/false are booleans ({@code off}, {@code yes} stay strings), {@code 01234567} is decimal, {@code 1:30:00} and
 * dates are strings, {@code _} in numbers is ignored, {@code 0x}/{@code 0o}/{@code 0b} prefixes are honoured.
 */
final class YamlValues {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9][0-9_]*");
  private static final Pattern HEX = Pattern.compile("[-+]?0x[0-9a-fA-F_]+");
  private static final Pattern OCTAL = Pattern.compile("[-+]?0o[0-7_]+");
  private static final Pattern BINARY = Pattern.compile("[-+]?0b[01_]+");

  private YamlValues() {}

  /** The single document of {@code text}, or null when the text holds no document (empty or comments only). */
  static Node parse(String text, String label) {
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(label).setSchema(new CoreSchema()).build();
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
      if (!composer.hasNext()) {
        return null;
      }
      Node document = composer.next();
      if (composer.hasNext()) {
        Node second = composer.next();
        throw new SpecException(line(second), "more than one YAML document ('---'); put each spec in its own file");
      }
      return document;
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      throw new SpecException(line, "not valid YAML: " + context + e.getProblem() + " (fix the syntax near this line)");
    } catch (YamlEngineException e) {
      throw new SpecException(0, "not valid YAML: " + e.getMessage());
    }
  }

  /** 1-based line where a node starts, 0 when unknown. */
  static int line(Node node) {
    return node == null ? 0 : node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /**
   * A node as Java values: {@code Map} (insertion ordered, string keys), {@code List}, {@code String}, {@code Long}
   * ({@code BigInteger} beyond 64 bits), {@code Double}, {@code Boolean} or null. Collections are unmodifiable.
   */
  static Object toJava(Node node) {
    return toJava(node, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Object toJava(Node node, Set<Node> open) {
    if (node instanceof ScalarNode s) {
      return scalar(s);
    }
    if (!open.add(node)) {
      throw new SpecException(line(node), "an alias refers to a mapping or list that contains it; remove the cycle");
    }
    try {
      if (node instanceof SequenceNode seq) {
        List<Object> list = new ArrayList<>(seq.getValue().size());
        for (Node item : seq.getValue()) {
          list.add(toJava(item, open));
        }
        return Collections.unmodifiableList(list);
      }
      MappingNode mapping = (MappingNode) node;
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple t : mapping.getValue()) {
        String key = key(t.getKeyNode());
        if (map.containsKey(key)) {
          throw new SpecException(line(t.getKeyNode()),
              "duplicate key '" + key + "'; a mapping can hold each key once");
        }
        map.put(key, toJava(t.getValueNode(), open));
      }
      return Collections.unmodifiableMap(map);
    } finally {
      open.remove(node);
    }
  }

  /** A mapping key as text; scalar keys that YAML reads as numbers or booleans become their JSON spelling. */
  static String key(Node node) {
    if (!(node instanceof ScalarNode s)) {
      throw new SpecException(line(node), "a mapping key must be a plain value, not a list or mapping");
    }
    Object value = scalar(s);
    return value == null ? "null" : value.toString();
  }

  /** The Java value of a scalar under the YAML 1.2 core schema (with Panther's extras, see the class comment). */
  static Object scalar(ScalarNode node) {
    String text = node.getValue();
    Tag tag = node.getTag();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
    }
    if (Tag.INT.equals(tag)) {
      Object number = integer(text);
      if (number != null) {
        return number;
      }
      throw new SpecException(line(node), "'" + text + "' is tagged !!int but is not an integer");
    }
    if (Tag.FLOAT.equals(tag)) {
      return floating(node, text);
    }
    if (node.isPlain()) {
      // The core schema's resolver leaves these as strings; Panther's YAML 1.2 loader does not.
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
      }
      if (text.indexOf('_') >= 0 || BINARY.matcher(text).matches()) {
        Object number = integer(text);
        if (number != null) {
          return number;
        }
      }
    }
    return text;
  }

  private static Object integer(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (t.startsWith("-") || t.startsWith("+")) {
      t = t.substring(1);
    }
    int radix = 10;
    String digits = t;
    if (HEX.matcher(t).matches()) {
      radix = 16;
      digits = t.substring(2);
    } else if (OCTAL.matcher(t).matches()) {
      radix = 8;
      digits = t.substring(2);
    } else if (BINARY.matcher(t).matches()) {
      radix = 2;
      digits = t.substring(2);
    } else if (!DECIMAL.matcher(t).matches()) {
      return null;
    }
    if (digits.isEmpty()) {
      return null;
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static Object floating(ScalarNode node, String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    switch (t) {
      case ".inf", "+.inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-.inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case ".nan" -> {
        return Double.NaN;
      }
      default -> {
        try {
          return Double.valueOf(t);
        } catch (NumberFormatException e) {
          throw new SpecException(line(node), "'" + text + "' is tagged !!float but is not a number");
        }
      }
    }
  }
}
