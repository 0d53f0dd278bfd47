package dev.tarn.config;

import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds a {@link TarnConfig} from, in increasing precedence: defaults, the YAML file, environment variables
 * ({@code TARN_LAKE}, {@code TARN_INGEST_TRIGGER}, ...: the key path upper-cased, dots and camel humps as
 * underscores) and {@code --set key=value} flags. Values given by variable or flag are YAML, so lists and maps work
 * too ({@code --set 'sources=[{id: a, location: /data, logTypes: [AWS.CloudTrail]}]'}).
 */
public final class ConfigLoader {
  /** Every key Tarn reads, with what it expects (shown in errors). */
  private static final Map<String, String> KEYS = keys();
  private static final Set<String> SOURCE_KEYS = Set.of("id", "label", "location", "logTypes", "prefixLogTypes");
  /** Sections other components read and validate: the alerts service (AlertsConfig), tarn airflow (AirflowSettings). */
  private static final Set<String> OWN_SECTIONS = Set.of("alerts", "airflow");
  private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h|d)$");
  private static final Pattern BYTES = Pattern.compile("^(\\d+)\\s*(k|m|g|)b?$");

  private ConfigLoader() {}

  private static Map<String, String> keys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("lake", "a directory or s3a:// URI (default ./lake)");
    keys.put("landing", "the directory the default source reads (default ./landing)");
    keys.put("sources", "a list of sources, each {id, label, location, logTypes, prefixLogTypes}");
    keys.put("ingest.trigger", "a duration such as 30s, 1m, 1h (default 1m)");
    keys.put("ingest.maxFilesPerTrigger", "a positive integer (default 1000)");
    keys.put("detections.dirs", "a list of detection directories in Panther's format (default: the built-in pack)");
    keys.put("detections.runtime", "graalpy or jython (default graalpy)");
    keys.put("detections.trigger", "a duration such as 30s, 1m (default 1m)");
    keys.put("detections.prefilters", "true or false: derive native pre-filters from Python rules (default true)");
    keys.put("python.path", "a list of directories holding pure-Python packages for detections (default none)");
    keys.put("python.timeout", "a duration such as 15s (default 15s, as Panther)");
    keys.put("python.memoryLimit", "bytes one Python call may allocate, such as 512m or 1g (default 1g)");
    keys.put("kv.store", "embedded or dynamodb (default embedded, under the lake)");
    keys.put("kv.table", "the DynamoDB table of the KV store (default panther-kv-store)");
    keys.put("kv.region", "the DynamoDB region (default: the AWS SDK's region chain)");
    keys.put("kv.endpoint", "a DynamoDB endpoint URL to use instead of AWS's");
    keys.put("maintain.interval", "a duration such as 30m, 1h, or 0 to turn off maintenance inside continuous "
        + "ingest (default 1h)");
    keys.put("maintain.smallFileBytes", "a size such as 32m or 128m: files below it count as small (default 32m)");
    keys.put("maintain.minSmallFiles", "an integer >= 2: small files a partition needs before it is compacted "
        + "(default 4)");
    keys.put("maintain.zorderBy", "a list of columns such as [p_event_time], or a mapping of table name to such a "
        + "list with an optional 'default' entry (default [p_event_time])");
    keys.put("maintain.vacuumRetention", "a duration such as 168h or 7d; below Delta's 168h only with "
        + "tarn maintain --force (default 168h)");
    keys.put("retention", "a mapping of table or log type name (or 'default') to a duration such as 90d, or "
        + "'forever' (default: keep everything forever)");
    HealthSection.describe(keys);
    return keys;
  }

  /**
   * @param file the config file; when null, {@code ./tarn.yaml} is read if it exists
   * @param env the environment (System.getenv())
   * @param overrides {@code key=value} flags
   */
  public static TarnConfig load(Path file, Map<String, String> env, List<String> overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    Path path = file != null ? file : Path.of("tarn.yaml");
    if (Files.exists(path)) {
      readFile(path, values, origin);
    } else if (file != null) {
      throw new ConfigException("Config file " + file + " does not exist (omit --config to use the defaults)");
    }
    for (String key : KEYS.keySet()) {
      String var = envName(key);
      if (env.containsKey(var)) {
        values.put(key, parseValue(env.get(var), "environment variable " + var));
        origin.put(key, "environment variable " + var);
      }
    }
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--set " + override + ": expected key=value (keys: " + KEYS.keySet() + ")");
      }
      String key = override.substring(0, eq).trim();
      if (!KEYS.containsKey(key)) {
        throw new ConfigException("--set " + override + ": unknown key '" + key + "' (keys: " + KEYS.keySet() + ")");
      }
      values.put(key, parseValue(override.substring(eq + 1), "--set " + key));
      origin.put(key, "--set " + key);
    }
    return build(values, origin);
  }

  public static String envName(String key) {
    return "TARN_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static Object parseValue(String text, String where) {
    try {
      return new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new ConfigException(where + ": not a valid value: " + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static void readFile(Path path, Map<String, Object> values, Map<String, String> origin) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(path.toString()).build())
          .loadFromString(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("Cannot read config file " + path + ": " + e.getMessage());
    } catch (YamlEngineException e) {
      throw new ConfigException(path + ": not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map)) {
      throw new ConfigException(path + ": expected a mapping of keys (" + KEYS.keySet() + ")");
    }
    flatten((Map<String, Object>) root, "", path, values, origin);
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Map<String, Object> map, String prefix, Path path, Map<String, Object> values,
      Map<String, String> origin) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (OWN_SECTIONS.contains(key)) {
        continue;
      }
      if (KEYS.containsKey(key)) {
        values.put(key, e.getValue());
        origin.put(key, path.toString());
      } else if (e.getValue() instanceof Map && KEYS.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
        flatten((Map<String, Object>) e.getValue(), key + ".", path, values, origin);
      } else {
        throw new ConfigException(path + ": unknown key '" + key + "' (known keys: " + KEYS.keySet() + ")");
      }
    }
  }

  private static TarnConfig build(Map<String, Object> values, Map<String, String> origin) {
    String lake = string(values, origin, "lake", "./lake");
    String landing = string(values, origin, "landing", "./landing");
    Duration trigger = duration(values, origin, "ingest.trigger", Duration.ofMinutes(1));
    int maxFiles = positiveInt(values, origin, "ingest.maxFilesPerTrigger", 1000);
    List<SourceConfig> sources = sources(values.get("sources"), origin.get("sources"));
    if (sources.isEmpty()) {
      sources = List.of(defaultSource(landing));
    }
    return new TarnConfig(lake, landing, sources, trigger, maxFiles, detection(values, origin),
        MaintainSection.parse(values, origin), HealthSection.parse(values, origin));
  }

  private static DetectionConfig detection(Map<String, Object> values, Map<String, String> origin) {
    DetectionConfig d = DetectionConfig.defaults();
    String runtime = string(values, origin, "detections.runtime", d.runtime());
    if (!runtime.equals("graalpy") && !runtime.equals("jython")) {
      throw invalid(origin, "detections.runtime", runtime);
    }
    String kv = string(values, origin, "kv.store", d.kv());
    if (!kv.equals("embedded") && !kv.equals("dynamodb")) {
      throw invalid(origin, "kv.store", kv);
    }
    return new DetectionConfig(
        stringList(values, origin, "detections.dirs", d.dirs()),
        runtime,
        duration(values, origin, "detections.trigger", d.trigger()),
        bool(values, origin, "detections.prefilters", d.prefilters()),
        stringList(values, origin, "python.path", d.pythonPath()),
        duration(values, origin, "python.timeout", d.callTimeout()),
        bytes(values, origin, "python.memoryLimit", d.callMemoryBytes()),
        kv,
        string(values, origin, "kv.table", d.kvTable()),
        string(values, origin, "kv.region", null),
        string(values, origin, "kv.endpoint", null));
  }

  static List<String> stringList(Map<String, Object> values, Map<String, String> origin, String key,
      List<String> def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item == null || String.valueOf(item).isBlank()) {
        throw invalid(origin, key, value);
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  static boolean bool(Map<String, Object> values, Map<String, String> origin, String key, boolean def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof Boolean b)) {
      throw invalid(origin, key, value);
    }
    return b;
  }

  static long bytes(Map<String, Object> values, Map<String, String> origin, String key, long def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    Matcher m = BYTES.matcher(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw invalid(origin, key, value);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "k" -> n << 10;
      case "m" -> n << 20;
      case "g" -> n << 30;
      default -> n;
    };
  }

  /** The source used when none is configured: {@code <landing>/<table_name>/...} holds that log type. */
  public static SourceConfig defaultSource(String landing) {
    Map<String, List<String>> prefixes = new LinkedHashMap<>();
    for (LogSchema schema : LogTypeRegistry.builtin().all()) {
      prefixes.put(schema.tableName() + "/", List.of(schema.name()));
    }
    return new SourceConfig("landing", "Local landing directory", TarnConfig.absolute(landing), List.of(), prefixes);
  }

  static ConfigException invalid(Map<String, String> origin, String key, Object value) {
    return new ConfigException(origin.get(key) + ": invalid value for " + key + ": '" + value + "' (expected "
        + KEYS.get(key) + ")");
  }

  static String string(Map<String, Object> values, Map<String, String> origin, String key, String def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw invalid(origin, key, value);
    }
    return s;
  }

  static Duration duration(Map<String, Object> values, Map<String, String> origin, String key, Duration def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    Duration d = parseDuration(value);
    if (d == null || d.isZero()) {
      throw invalid(origin, key, value);
    }
    return d;
  }

  /** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 90d}; null when the value is none of these. */
  static Duration parseDuration(Object value) {
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      return null;
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  static int positiveInt(Map<String, Object> values, Map<String, String> origin, String key, int def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof Number n) || n.longValue() <= 0 || n.longValue() > Integer.MAX_VALUE) {
      throw invalid(origin, key, value);
    }
    return n.intValue();
  }

  static long nonNegativeLong(Map<String, Object> values, Map<String, String> origin, String key, long def) {
    Object value = values.get(key);
    if (value == null) {
      return def;
    }
    if (!(value instanceof Number n) || n.longValue() < 0) {
      throw invalid(origin, key, value);
    }
    return n.longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<SourceConfig> sources(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(where + ": sources: expected a list of sources");
    }
    List<SourceConfig> sources = new ArrayList<>();
    Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = where + ": sources[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new ConfigException(at + ": expected a mapping with keys " + SOURCE_KEYS);
      }
      Map<String, Object> source = (Map<String, Object>) m;
      for (String key : source.keySet()) {
        if (!SOURCE_KEYS.contains(key)) {
          throw new ConfigException(at + ": unknown key '" + key + "' (known: " + SOURCE_KEYS + ")");
        }
      }
      String id = requiredString(source, "id", at);
      if (!id.matches("[A-Za-z0-9_.-]+")) {
        throw new ConfigException(at + ".id: invalid id '" + id + "' (letters, digits, '_', '-', '.')");
      }
      if (!ids.add(id)) {
        throw new ConfigException(at + ".id: duplicate source id '" + id + "'");
      }
      List<String> logTypes = logTypes(source.get("logTypes"), at + ".logTypes");
      Map<String, List<String>> prefixes = new LinkedHashMap<>();
      Object prefixValue = source.get("prefixLogTypes");
      if (prefixValue != null) {
        if (!(prefixValue instanceof Map<?, ?> pm)) {
          throw new ConfigException(at + ".prefixLogTypes: expected a mapping of key prefix to log types");
        }
        for (Map.Entry<?, ?> e : pm.entrySet()) {
          prefixes.put(String.valueOf(e.getKey()), logTypes(e.getValue(), at + ".prefixLogTypes." + e.getKey()));
        }
      }
      if (logTypes.isEmpty() && prefixes.isEmpty()) {
        throw new ConfigException(at + ": source '" + id + "' needs logTypes or prefixLogTypes");
      }
      Object label = source.get("label");
      sources.add(new SourceConfig(id, label == null ? null : String.valueOf(label),
          TarnConfig.absolute(requiredString(source, "location", at)), logTypes, prefixes));
    }
    return sources;
  }

  private static List<String> logTypes(Object value, String at) {
    if (value == null) {
      return List.of();
    }
    List<?> list = value instanceof List<?> l ? l : List.of(value);
    List<String> names = new ArrayList<>();
    for (Object item : list) {
      String name = String.valueOf(item);
      // Custom.* types live in the lake and are checked when a job opens it.
      if (!name.startsWith("Custom.") && LogTypeRegistry.builtin().find(name).isEmpty()) {
        throw new ConfigException(at + ": unknown log type '" + name + "' (known: "
            + LogTypeRegistry.builtin().all().stream().map(LogSchema::name).sorted().toList() + ")");
      }
      names.add(name);
    }
    return names;
  }

  private static String requiredString(Map<String, Object> map, String key, String at) {
    Object value = map.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      throw new ConfigException(at + ": missing required key '" + key + "'");
    }
    return String.valueOf(value);
  }
}
