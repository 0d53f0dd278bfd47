package dev.tarn.logschema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads log schemas in Panther's YAML format (YAML 1.2), validating as it goes. Every error names the file, the
 * line and the key, and says what was expected, because users write these files by hand.
 */
public final class LogSchemaReader {
  private static final Pattern NAME = Pattern.compile("^[A-Z][A-Za-z0-9]*(\\.[A-Z][A-Za-z0-9]*)*$");
  private static final Set<String> TOP_KEYS =
      Set.of("schema", "version", "description", "referenceURL", "parser", "definitions", "fields");
  private static final Set<String> FIELD_KEYS = Set.of("name", "required", "description", "type", "fields",
      "element", "target", "indicators", "validate", "timeFormat", "isEventTime");
  private static final Set<String> TEXT_OPTION_KEYS =
      Set.of("skipPrefix", "emptyValues", "trimSpace", "expandFields", "skipLines");

  private final String source;

  private LogSchemaReader(String source) {
    this.source = source;
  }

  /** Reads every document of a (multi-document) YAML text. {@code source} names the file in error messages. */
  public static List<LogSchema> readAll(String yaml, String source) {
    LogSchemaReader reader = new LogSchemaReader(source);
    List<LogSchema> schemas = new ArrayList<>();
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(source).build();
      Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml)));
      while (composer.hasNext()) {
        Node document = composer.next();
        schemas.add(reader.schema(document));
      }
    } catch (YamlEngineException e) {
      throw new LogSchemaException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (schemas.isEmpty()) {
      throw new LogSchemaException(source + ": no log schema found (expected a YAML document with 'schema:')");
    }
    return schemas;
  }

  public static LogSchema read(String yaml, String source) {
    List<LogSchema> all = readAll(yaml, source);
    if (all.size() != 1) {
      throw new LogSchemaException(source + ": expected one log schema, found " + all.size());
    }
    return all.get(0);
  }

  private LogSchema schema(Node node) {
    Map<String, Node> map = mapping(node, "the log schema", TOP_KEYS);
    String name = requiredScalar(map, node, "schema");
    if (!NAME.matcher(name).matches()) {
      throw error(map.get("schema"), "schema", "invalid log type name '" + name
          + "' (expected dot-separated words starting with a capital letter, such as Custom.MyApp)");
    }
    if (map.containsKey("version")) {
      String version = scalar(map.get("version"), "version");
      if (!version.equals("0")) {
        throw error(map.get("version"), "version", "unsupported version " + version + " (expected 0)");
      }
    }
    Map<String, ValueSchema> definitions = new LinkedHashMap<>();
    if (map.containsKey("definitions")) {
      for (NodeTuple t : mappingNode(map.get("definitions"), "definitions").getValue()) {
        String defName = scalar(t.getKeyNode(), "definitions");
        definitions.put(defName, value(t.getValueNode(), "definitions." + defName));
      }
    }
    Node fieldsNode = map.get("fields");
    if (fieldsNode == null) {
      throw error(node, "fields", "missing 'fields' (a log schema needs at least one field)");
    }
    List<FieldSchema> fields = fields(fieldsNode, "fields");
    if (fields.isEmpty()) {
      throw error(fieldsNode, "fields", "'fields' is empty (a log schema needs at least one field)");
    }
    ParserSpec parser = map.containsKey("parser") ? parser(map.get("parser")) : new ParserSpec.Json();
    LogSchema schema = new LogSchema(name, optionalScalar(map, "description"), optionalScalar(map, "referenceURL"),
        parser, definitions, fields);
    checkRefs(schema, fields, "fields");
    return schema;
  }

  private void checkRefs(LogSchema schema, List<FieldSchema> fields, String path) {
    for (FieldSchema f : fields) {
      checkRefs(schema, f.value(), path + "." + f.name());
    }
  }

  private void checkRefs(LogSchema schema, ValueSchema value, String path) {
    switch (value.type()) {
      case REF -> {
        if (!schema.definitions().containsKey(value.target())) {
          throw new LogSchemaException(source + ": " + path + ": ref target '" + value.target()
              + "' is not defined (known definitions: " + schema.definitions().keySet() + ")");
        }
      }
      case OBJECT -> checkRefs(schema, value.fields(), path);
      case ARRAY -> checkRefs(schema, value.element(), path + "[]");
      default -> { }
    }
  }

  private List<FieldSchema> fields(Node node, String path) {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, path, "expected a list of fields");
    }
    List<FieldSchema> fields = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (Node item : seq.getValue()) {
      Map<String, Node> map = mapping(item, path, FIELD_KEYS);
      String name = requiredScalar(map, item, "name");
      String fieldPath = path + "." + name;
      if (!seen.add(name)) {
        throw error(item, fieldPath, "duplicate field name '" + name + "'");
      }
      fields.add(new FieldSchema(name, optionalScalar(map, "description"),
          bool(map, "required", fieldPath), valueOf(map, item, fieldPath)));
    }
    return fields;
  }

  private ValueSchema value(Node node, String path) {
    Map<String, Node> map = mapping(node, path, FIELD_KEYS);
    return valueOf(map, node, path);
  }

  private ValueSchema valueOf(Map<String, Node> map, Node owner, String path) {
    String typeName = requiredScalar(map, owner, "type", path);
    ValueType type;
    try {
      type = ValueType.forName(typeName);
    } catch (IllegalArgumentException e) {
      throw error(map.get("type"), path, e.getMessage());
    }
    List<FieldSchema> fields = List.of();
    ValueSchema element = null;
    String target = null;
    switch (type) {
      case OBJECT -> {
        if (!map.containsKey("fields")) {
          throw error(owner, path, "type object needs 'fields'");
        }
        fields = fields(map.get("fields"), path);
      }
      case ARRAY -> {
        if (!map.containsKey("element")) {
          throw error(owner, path, "type array needs 'element' (the schema of its items, e.g. element: {type: string})");
        }
        element = value(map.get("element"), path + "[]");
      }
      case REF -> target = requiredScalar(map, owner, "target", path);
      default -> { }
    }
    List<String> indicators = stringList(map.get("indicators"), path + ".indicators");
    if (!indicators.isEmpty() && type != ValueType.STRING) {
      throw error(map.get("indicators"), path, "indicators are only allowed on type string (found " + typeName + ")");
    }
    for (String indicator : indicators) {
      try {
        dev.tarn.indicator.Scanner.forName(indicator);
      } catch (IllegalArgumentException e) {
        throw error(map.get("indicators"), path, e.getMessage());
      }
    }
    List<String> allow = List.of();
    List<String> deny = List.of();
    if (map.containsKey("validate")) {
      Map<String, Node> validate = mapping(map.get("validate"), path + ".validate", Set.of("allow", "deny"));
      allow = stringList(validate.get("allow"), path + ".validate.allow");
      deny = stringList(validate.get("deny"), path + ".validate.deny");
    }
    String timeFormat = null;
    if (type == ValueType.TIMESTAMP) {
      timeFormat = map.containsKey("timeFormat") ? scalar(map.get("timeFormat"), path + ".timeFormat") : "rfc3339";
      try {
        dev.tarn.time.TimeFormat.of(timeFormat);
      } catch (RuntimeException e) {
        throw error(map.get("timeFormat"), path, "invalid timeFormat '" + timeFormat + "': " + e.getMessage());
      }
    } else if (map.containsKey("timeFormat") || map.containsKey("isEventTime")) {
      throw error(owner, path, "timeFormat and isEventTime are only allowed on type timestamp (found " + typeName + ")");
    }
    return new ValueSchema(type, fields, element, target, indicators, allow, deny, timeFormat,
        bool(map, "isEventTime", path));
  }

  private ParserSpec parser(Node node) {
    Map<String, Node> map = mapping(node, "parser", Set.of("csv", "fastmatch", "regex", "native"));
    if (map.size() != 1) {
      throw error(node, "parser", "expected exactly one of csv, fastmatch, regex, native (found " + map.keySet() + ")");
    }
    Map.Entry<String, Node> entry = map.entrySet().iterator().next();
    String kind = entry.getKey();
    Node body = entry.getValue();
    String path = "parser." + kind;
    return switch (kind) {
      case "native" -> new ParserSpec.Native(requiredScalar(mapping(body, path, Set.of("name")), body, "name", path));
      case "csv" -> {
        Map<String, Node> m = mapping(body, path, union(TEXT_OPTION_KEYS, Set.of("delimiter", "columns", "hasHeader")));
        String delimiter = m.containsKey("delimiter") ? scalar(m.get("delimiter"), path + ".delimiter") : ",";
        if (delimiter.equals("\\t")) {
          delimiter = "\t";
        }
        if (delimiter.length() != 1 || ",\t ;|".indexOf(delimiter.charAt(0)) < 0) {
          throw error(m.get("delimiter"), path, "invalid delimiter '" + delimiter + "' (expected one of , \\t space ; |)");
        }
        List<String> columns = stringList(m.get("columns"), path + ".columns");
        boolean hasHeader = bool(m, "hasHeader", path);
        if (columns.isEmpty() && !hasHeader) {
          throw error(body, path, "csv needs 'columns' or 'hasHeader: true'");
        }
        yield new ParserSpec.Csv(delimiter.charAt(0), columns, hasHeader, textOptions(m, path));
      }
      case "fastmatch" -> {
        Map<String, Node> m = mapping(body, path, union(TEXT_OPTION_KEYS, Set.of("match")));
        yield new ParserSpec.Fastmatch(requiredStringList(m, body, "match", path), textOptions(m, path));
      }
      case "regex" -> {
        Map<String, Node> m = mapping(body, path,
            union(TEXT_OPTION_KEYS, Set.of("match", "patternDefinitions", "patternDefintions")));
        Map<String, String> definitions = new LinkedHashMap<>();
        for (String key : List.of("patternDefinitions", "patternDefintions")) {
          if (m.containsKey(key)) {
            definitions.putAll(stringMap(m.get(key), path + "." + key));
          }
        }
        yield new ParserSpec.Regex(requiredStringList(m, body, "match", path), definitions, textOptions(m, path));
      }
      default -> throw new IllegalStateException(kind);
    };
  }

  private TextOptions textOptions(Map<String, Node> m, String path) {
    int skipLines = 0;
    if (m.containsKey("skipLines")) {
      String text = scalar(m.get("skipLines"), path + ".skipLines");
      try {
        skipLines = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        skipLines = -1;
      }
      if (skipLines < 0) {
        throw error(m.get("skipLines"), path, "invalid skipLines '" + text + "' (expected an integer >= 0)");
      }
    }
    return new TextOptions(m.containsKey("skipPrefix") ? scalar(m.get("skipPrefix"), path) : null,
        stringList(m.get("emptyValues"), path + ".emptyValues"), bool(m, "trimSpace", path),
        m.containsKey("expandFields") ? stringMap(m.get("expandFields"), path + ".expandFields") : Map.of(),
        skipLines);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  // ---- node helpers -------------------------------------------------------------------------------------------

  private MappingNode mappingNode(Node node, String path) {
    if (!(node instanceof MappingNode m)) {
      throw error(node, path, "expected a mapping (key: value pairs)");
    }
    return m;
  }

  private Map<String, Node> mapping(Node node, String path, Set<String> allowed) {
    Map<String, Node> map = new LinkedHashMap<>();
    for (NodeTuple t : mappingNode(node, path).getValue()) {
      String key = scalar(t.getKeyNode(), path);
      if (!allowed.contains(key)) {
        throw error(t.getKeyNode(), path, "unknown key '" + key + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
      }
      if (map.put(key, t.getValueNode()) != null) {
        throw error(t.getKeyNode(), path, "duplicate key '" + key + "'");
      }
    }
    return map;
  }

  private String scalar(Node node, String path) {
    if (!(node instanceof ScalarNode s)) {
      throw error(node, path, "expected a single value");
    }
    return s.getValue();
  }

  private String requiredScalar(Map<String, Node> map, Node owner, String key) {
    return requiredScalar(map, owner, key, key);
  }

  private String requiredScalar(Map<String, Node> map, Node owner, String key, String path) {
    Node node = map.get(key);
    if (node == null) {
      throw error(owner, path, "missing required key '" + key + "'");
    }
    String value = scalar(node, path + "." + key);
    if (value.isBlank()) {
      throw error(node, path, "'" + key + "' is empty");
    }
    return value;
  }

  private String optionalScalar(Map<String, Node> map, String key) {
    Node node = map.get(key);
    return node == null ? null : scalar(node, key);
  }

  private boolean bool(Map<String, Node> map, String key, String path) {
    Node node = map.get(key);
    if (node == null) {
      return false;
    }
    String value = scalar(node, path + "." + key);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(node, path, "invalid " + key + " '" + value + "' (expected true or false)");
    };
  }

  private List<String> stringList(Node node, String path) {
    if (node == null) {
      return List.of();
    }
    if (node instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, path, "expected a list of values");
    }
    List<String> values = new ArrayList<>();
    for (Node item : seq.getValue()) {
      values.add(scalar(item, path));
    }
    return values;
  }

  private List<String> requiredStringList(Map<String, Node> map, Node owner, String key, String path) {
    List<String> values = stringList(map.get(key), path + "." + key);
    if (values.isEmpty()) {
      throw error(owner, path, "missing required key '" + key + "'");
    }
    return values;
  }

  private Map<String, String> stringMap(Node node, String path) {
    Map<String, String> values = new LinkedHashMap<>();
    for (NodeTuple t : mappingNode(node, path).getValue()) {
      values.put(scalar(t.getKeyNode(), path), scalar(t.getValueNode(), path));
    }
    return values;
  }

  private LogSchemaException error(Node node, String path, String message) {
    String where = node == null ? "" : node.getStartMark().map(m -> ", line " + (m.getLine() + 1)).orElse("");
    return new LogSchemaException(source + where + ": " + path + ": " + message);
  }
}
