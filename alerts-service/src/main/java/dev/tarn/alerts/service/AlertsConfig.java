package dev.tarn.alerts.service;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.dedup.DedupSettings;
import dev.tarn.alerts.dedup.WindowMode;
import dev.tarn.alerts.delivery.RetryPolicy;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The alerts service's settings: {@code lake} and the {@code alerts:} section of {@code tarn.yaml}, each overridable
 * by an environment variable named like the rest of Tarn's ({@code alerts.database.url} → {@code
 * TARN_ALERTS_DATABASE_URL}) and by {@code --set key=value}. With no file at all the defaults run locally: H2 under
 * the lake, the API on 127.0.0.1:8723.
 */
public record AlertsConfig(
    String lake,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    String host,
    int port,
    String linkPrefix,
    Duration pollInterval,
    Duration deliveryInterval,
    int versionsPerBatch,
    DedupSettings dedup,
    RetryPolicy retry) {

  /** Every key this service reads, with what it expects. */
  public static final Map<String, String> KEYS = keys();
  private static final Pattern DURATION = Pattern.compile("^(\\d+)\\s*(ms|s|m|h)$");

  public AlertsConfig {
    requireNonNull(lake, "lake is null");
    requireNonNull(databaseUrl, "databaseUrl is null");
    requireNonNull(linkPrefix, "linkPrefix is null");
  }

  private static Map<String, String> keys() {
    Map<String, String> k = new LinkedHashMap<>();
    k.put("lake", "the lake root the findings tables are under (default ./lake)");
    k.put("alerts.database.url", "jdbc:h2:... or jdbc:postgresql://host:port/db (default: H2 under the lake)");
    k.put("alerts.database.user", "database user (PostgreSQL)");
    k.put("alerts.database.password", "database password (PostgreSQL); prefer TARN_ALERTS_DATABASE_PASSWORD");
    k.put("alerts.host", "address the API listens on (default 127.0.0.1)");
    k.put("alerts.port", "API port (default 8723)");
    k.put("alerts.linkPrefix", "URL prefix of alert links in notifications (default http://<host>:<port>/api/v1/alerts/)");
    k.put("alerts.pollInterval", "how often findings tables are polled, such as 10s (default 10s)");
    k.put("alerts.deliveryInterval", "how often the outbox is checked, such as 1s (default 1s)");
    k.put("alerts.versionsPerBatch", "table versions applied per transaction (default 10)");
    k.put("alerts.dedup.window", "processing (Panther) or event: the clock of dedup windows (default processing)");
    k.put("alerts.dedup.eventTimeRules", "rule ids or globs whose windows run on event time (default none)");
    k.put("alerts.delivery.maxAttempts", "attempts per delivery before it is dead-lettered (default 10)");
    k.put("alerts.delivery.minDelay", "shortest delay before a retry (default 30s)");
    k.put("alerts.delivery.maxDelay", "longest delay before a retry (default 300s)");
    return k;
  }

  /**
   * @param file the config file; when null, {@code ./tarn.yaml} if it exists
   * @param env the environment
   * @param overrides {@code key=value} flags
   */
  public static AlertsConfig load(Path file, Map<String, String> env, List<String> overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    Path path = file != null ? file : Path.of("tarn.yaml");
    if (Files.exists(path)) {
      readFile(path, values);
    } else if (file != null) {
      throw new IllegalArgumentException("Config file " + file + " does not exist (omit --config to use the defaults)");
    }
    for (String key : KEYS.keySet()) {
      String var = envName(key);
      if (env.containsKey(var)) {
        values.put(key, env.get(var));
      }
    }
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq <= 0 || !KEYS.containsKey(o.substring(0, eq))) {
        throw new IllegalArgumentException("--set " + o + ": expected key=value with a key among " + KEYS.keySet());
      }
      values.put(o.substring(0, eq), o.substring(eq + 1));
    }
    String lake = str(values, "lake", "./lake");
    String host = str(values, "alerts.host", "127.0.0.1");
    int port = integer(values, "alerts.port", 8723);
    String dbUrl = str(values, "alerts.database.url", defaultDatabaseUrl(lake));
    WindowMode mode = switch (str(values, "alerts.dedup.window", "processing").toLowerCase(Locale.ROOT)) {
      case "processing" -> WindowMode.PROCESSING;
      case "event" -> WindowMode.EVENT;
      default -> throw new IllegalArgumentException("alerts.dedup.window: " + values.get("alerts.dedup.window")
          + " is not valid (expected processing or event)");
    };
    return new AlertsConfig(lake, dbUrl, str(values, "alerts.database.user", null),
        str(values, "alerts.database.password", null), host, port,
        str(values, "alerts.linkPrefix", "http://" + host + ":" + port + "/api/v1/alerts/"),
        duration(values, "alerts.pollInterval", Duration.ofSeconds(10)),
        duration(values, "alerts.deliveryInterval", Duration.ofSeconds(1)),
        integer(values, "alerts.versionsPerBatch", 10),
        new DedupSettings(mode, list(values, "alerts.dedup.eventTimeRules")),
        new RetryPolicy(integer(values, "alerts.delivery.maxAttempts", 10),
            duration(values, "alerts.delivery.minDelay", Duration.ofSeconds(30)),
            duration(values, "alerts.delivery.maxDelay", Duration.ofSeconds(300))));
  }

  /**
   * H2 in a file under the lake. AUTO_SERVER lets `tarn alerts` commands open it while the service runs; WRITE_DELAY=0
   * hands each commit to the OS at once, so a killed service keeps every transaction it committed (H2 otherwise
   * buffers the last half second).
   */
  public static String defaultDatabaseUrl(String lake) {
    String root = lake.startsWith("file:") ? lake.substring("file:".length()) : lake;
    if (root.contains("://")) {
      throw new IllegalArgumentException("The lake " + lake + " is not a local directory, so the alerts database "
          + "cannot default to H2 under it: set alerts.database.url (PostgreSQL for production)");
    }
    return "jdbc:h2:file:" + Path.of(root, "tarn_system", "alerts", "alerts").toAbsolutePath().normalize()
        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
  }

  public static String envName(String key) {
    return "TARN_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static void readFile(Path path, Map<String, Object> values) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | YamlEngineException e) {
      throw new IllegalArgumentException(path + ": cannot read: " + e.getMessage(), e);
    }
    if (root == null) {
      return;
    }
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException(path + ": expected a mapping of keys");
    }
    Map<String, Object> map = (Map<String, Object>) root;
    if (map.containsKey("lake")) {
      values.put("lake", map.get("lake"));
    }
    Object alerts = map.get("alerts");
    if (alerts != null) {
      if (!(alerts instanceof Map)) {
        throw new IllegalArgumentException(path + ": alerts: expected a mapping (keys: " + KEYS.keySet() + ")");
      }
      flatten((Map<String, Object>) alerts, "alerts.", path, values);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(Map<String, Object> map, String prefix, Path path, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      String key = prefix + e.getKey();
      if (KEYS.containsKey(key)) {
        values.put(key, e.getValue());
      } else if (e.getValue() instanceof Map && KEYS.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
        flatten((Map<String, Object>) e.getValue(), key + ".", path, values);
      } else {
        throw new IllegalArgumentException(path + ": unknown key '" + key + "' (alerts keys: " + KEYS.keySet() + ")");
      }
    }
  }

  private static String str(Map<String, Object> values, String key, String fallback) {
    Object v = values.get(key);
    return v == null ? fallback : v.toString();
  }

  private static int integer(Map<String, Object> values, String key, int fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.toString().trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + ": " + v + " is not valid (" + KEYS.get(key) + ")");
    }
  }

  private static Duration duration(Map<String, Object> values, String key, Duration fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    Matcher m = DURATION.matcher(v.toString().trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(key + ": " + v + " is not a duration (expected e.g. 500ms, 30s, 5m, 1h)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  private static List<String> list(Map<String, Object> values, String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    } else {
      for (String s : v.toString().split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return out;
  }
}
