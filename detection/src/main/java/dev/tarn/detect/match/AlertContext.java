package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simple detection's {@code AlertContext}: a list of {@code {KeyName, KeyValue: {Key | DeepKey | KeyPath}}}. For an
 * event it gives a map from each KeyName to the value found (null when missing), in the order written.
 */
public final class AlertContext {
  private static final AlertContext EMPTY = new AlertContext(List.of());

  /** One {@code KeyName} and where its value comes from. */
  public record Entry(String name, KeySpec key) {
    public Entry {
      requireNonNull(name, "name is null");
      requireNonNull(key, "key is null");
    }
  }

  private final List<Entry> entries;

  private AlertContext(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static AlertContext empty() {
    return EMPTY;
  }

  /** Parses the raw YAML value of {@code AlertContext:}; null gives the empty context. */
  public static AlertContext parse(Object yamlValue) {
    if (yamlValue == null) {
      return EMPTY;
    }
    String root = "AlertContext";
    List<?> items = YamlNodes.list(yamlValue, root, "a list of {KeyName, KeyValue} entries");
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String path = root + "[" + i + "]";
      Map<String, Object> m = YamlNodes.mapWithKeys(items.get(i), path, List.of("KeyName", "KeyValue"),
          "each entry has");
      String name = YamlNodes.name(m.get("KeyName"), path + ".KeyName", "a name for the value");
      if (!names.add(name)) {
        throw new MatchSyntaxException(path + ".KeyName", "'" + name + "' is used twice; KeyNames must be unique");
      }
      String valuePath = path + ".KeyValue";
      Map<String, Object> spec = YamlNodes.map(m.get("KeyValue"), valuePath, "a key specifier (Key, DeepKey or KeyPath)");
      List<String> specifiers = List.of("Key", "DeepKey", "KeyPath").stream().filter(spec::containsKey).toList();
      if (specifiers.size() != 1 || spec.size() != 1) {
        throw new MatchSyntaxException(valuePath,
            "expected exactly one key specifier (Key, DeepKey or KeyPath), got " + String.join(", ", spec.keySet()));
      }
      entries.add(new Entry(name, YamlNodes.keySpec(specifiers.get(0), spec.get(specifiers.get(0)), valuePath)));
    }
    return new AlertContext(entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** KeyName → value (null when the event has none), in the order written; unmodifiable. */
  public Map<String, Object> evaluate(Map<String, ?> event) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.name(), EventPath.resolve(event, e.key().path()));
    }
    return Collections.unmodifiableMap(out);
  }
}
