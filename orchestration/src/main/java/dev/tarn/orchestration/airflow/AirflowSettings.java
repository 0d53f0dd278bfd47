package dev.tarn.orchestration.airflow;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * How to reach Airflow's REST API: the {@code airflow} section of tarn.yaml, overridden by environment variables
 * ({@code TARN_AIRFLOW_URL}, {@code TARN_AIRFLOW_USER}, {@code TARN_AIRFLOW_PASSWORD}, {@code TARN_AIRFLOW_TOKEN})
 * and then by {@code --set airflow.KEY=VALUE}. A token, when given, is used instead of user and password. Secrets
 * never appear in {@link #toString()} or in error messages.
 */
public record AirflowSettings(URI url, String user, String password, String token) {
  private static final List<String> KEYS = List.of("url", "user", "password", "token");
  private static final String DEFAULT_URL = "http://localhost:8080";

  public AirflowSettings {
    Objects.requireNonNull(url, "url is null");
  }

  /**
   * @param configFile tarn.yaml, or null for ./tarn.yaml if it exists
   * @param env the environment
   * @param overrides {@code airflow.KEY=VALUE} flags
   */
  public static AirflowSettings load(Path configFile, Map<String, String> env, List<String> overrides) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> origin = new LinkedHashMap<>();
    Path path = configFile != null ? configFile : Path.of("tarn.yaml");
    if (Files.exists(path)) {
      readSection(path, values, origin);
    } else if (configFile != null) {
      throw new AirflowException("Config file " + configFile + " does not exist (omit --config to use the defaults)");
    }
    for (String key : KEYS) {
      String var = "TARN_AIRFLOW_" + key.toUpperCase(Locale.ROOT);
      if (env.get(var) != null && !env.get(var).isEmpty()) {
        values.put(key, env.get(var));
        origin.put(key, "environment variable " + var);
      }
    }
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String key = eq > 0 ? override.substring(0, eq).trim() : "";
      if (!key.startsWith("airflow.") || !KEYS.contains(key.substring("airflow.".length()))) {
        throw new AirflowException("--set " + override + ": tarn airflow takes the keys airflow.url, airflow.user, "
            + "airflow.password, airflow.token");
      }
      values.put(key.substring("airflow.".length()), override.substring(eq + 1));
      origin.put(key.substring("airflow.".length()), "--set " + key);
    }
    String url = values.getOrDefault("url", DEFAULT_URL);
    URI uri;
    try {
      uri = new URI(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
      throw new AirflowException(origin.getOrDefault("url", "airflow.url") + ": airflow.url " + url
          + " is not an http(s) URL of Airflow's webserver (e.g. http://airflow.example.com:8080)");
    }
    if (values.containsKey("user") != values.containsKey("password") && !values.containsKey("token")) {
      throw new AirflowException("airflow.user and airflow.password go together (password: env TARN_AIRFLOW_PASSWORD);"
          + " or give airflow.token (env TARN_AIRFLOW_TOKEN)");
    }
    return new AirflowSettings(uri, values.get("user"), values.get("password"), values.get("token"));
  }

  /** The Authorization header value, or null when no credentials are configured. */
  String authorization() {
    if (token != null) {
      return "Bearer " + token;
    }
    if (user != null) {
      return "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** How the client authenticates, for messages: never the secret itself. */
  String credentialsDescription() {
    if (token != null) {
      return "a bearer token (airflow.token)";
    }
    if (user != null) {
      return "user " + user + " (basic auth)";
    }
    return "no credentials";
  }

  @Override
  public String toString() {
    return "AirflowSettings[url=" + url + ", " + credentialsDescription() + "]";
  }

  @SuppressWarnings("unchecked")
  private static void readSection(Path path, Map<String, String> values, Map<String, String> origin) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().setLabel(path.toString()).build())
          .loadFromString(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AirflowException("Cannot read config file " + path + ": " + e.getMessage(), e);
    } catch (YamlEngineException e) {
      throw new AirflowException(path + ": not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || map.get("airflow") == null) {
      return;
    }
    if (!(map.get("airflow") instanceof Map<?, ?> section)) {
      throw new AirflowException(path + ": airflow: expected a mapping with keys " + KEYS);
    }
    for (Map.Entry<String, Object> e : ((Map<String, Object>) section).entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new AirflowException(path + ": unknown key 'airflow." + e.getKey() + "' (known: " + KEYS + ")");
      }
      if (e.getValue() != null) {
        values.put(e.getKey(), String.valueOf(e.getValue()));
        origin.put(e.getKey(), path.toString());
      }
    }
  }
}
