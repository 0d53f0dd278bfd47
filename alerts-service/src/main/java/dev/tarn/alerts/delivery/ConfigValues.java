package dev.tarn.alerts.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a destination's configuration the same way in validation and in the destinations: a key is looked up in the
 * settings, then the secrets; values are trimmed (pasted keys often carry a newline) and blank means absent.
 */
public final class ConfigValues {
  private final Map<String, String> settings;
  private final Map<String, String> secrets;

  public ConfigValues(Map<String, String> settings, Map<String, String> secrets) {
    this.settings = settings == null ? Map.of() : settings;
    this.secrets = secrets == null ? Map.of() : secrets;
  }

  public static ConfigValues of(DestinationConfig config) {
    return new ConfigValues(config.settings(), config.secrets());
  }

  /** The trimmed value, or null when absent or blank. */
  public String get(String key) {
    String v = settings.get(key);
    if (v == null) {
      v = secrets.get(key);
    }
    if (v == null || v.isBlank()) {
      return null;
    }
    return v.strip();
  }

  public String get(String key, String defaultValue) {
    String v = get(key);
    return v == null ? defaultValue : v;
  }

  /** A comma-separated value as its non-blank, trimmed parts; empty when absent. */
  public List<String> list(String key) {
    String v = get(key);
    if (v == null) {
      return List.of();
    }
    return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A base URL without trailing slashes, so paths can be appended to it. */
  public String baseUrl(String key, String defaultValue) {
    String url = get(key, defaultValue);
    if (url == null) {
      throw new IllegalArgumentException("'" + key + "' is required");
    }
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  public boolean has(String key) {
    return get(key) != null;
  }
}
