package dev.tarn.detect.match;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Follows a key path through JSON-like Java values the way Panther's event wrapper does: an object field is looked
 * up by its exact name first, then ignoring case (the first such field in iteration order wins).
 */
public final class EventPath {
  private EventPath() {}

  /** The value at {@code path} under {@code root}; null when the path is missing or leads to null. */
  public static Object resolve(Object root, List<PathStep> path) {
    Object current = root;
    for (PathStep step : path) {
      current = step(current, step);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  private static Object step(Object current, PathStep step) {
    if (current instanceof Map<?, ?> map) {
      String name = step instanceof PathStep.Field f ? f.name() : ((PathStep.Index) step).asFieldName();
      return field(map, name);
    }
    if (current instanceof List<?> list && step instanceof PathStep.Index i) {
      int index = i.index() < 0 ? list.size() + i.index() : i.index();
      return index >= 0 && index < list.size() ? list.get(index) : null;
    }
    return null;
  }

  /** The field {@code name} of {@code object}: exact, else the first whose name matches ignoring case. */
  public static Object field(Map<?, ?> object, String name) {
    if (object.containsKey(name)) {
      return object.get(name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<?, ?> e : object.entrySet()) {
      if (e.getKey() instanceof String k && k.toLowerCase(Locale.ROOT).equals(lower)) {
        return e.getValue();
      }
    }
    return null;
  }
}
