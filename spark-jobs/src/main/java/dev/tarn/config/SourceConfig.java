package dev.tarn.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A log source: where its files land and which log types they may hold. {@code prefixLogTypes} gives candidates per
 * key prefix (relative to {@code location}); the longest matching prefix wins, as in Panther's S3 sources, and
 * {@code logTypes} applies to keys no prefix matches.
 */
public record SourceConfig(
    String id, String label, String location, List<String> logTypes, Map<String, List<String>> prefixLogTypes) {

  public SourceConfig {
    requireNonNull(id, "id is null");
    requireNonNull(location, "location is null");
    label = label == null ? id : label;
    logTypes = List.copyOf(logTypes);
    prefixLogTypes = Map.copyOf(prefixLogTypes);
  }

  /** The candidate log types for a key relative to the location (empty when none applies). */
  public List<String> candidatesFor(String relativeKey) {
    String best = null;
    for (String prefix : prefixLogTypes.keySet()) {
      if (relativeKey.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? logTypes : prefixLogTypes.get(best);
  }
}
