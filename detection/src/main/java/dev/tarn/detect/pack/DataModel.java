package dev.tarn.detect.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * A Panther data model: UDM names mapped, for some log types, to a field path or a Python method.
 *
 * @param pythonSource the module holding the {@code Method} functions, or null when every mapping is a path
 */
public record DataModel(String id, boolean enabled, List<String> logTypes, List<Mapping> mappings, Path file,
    Path pythonFile, String pythonSource) {

  /**
   * Exactly one of {@code path} (JSONPath like {@code $.a.b} or a plain field name) and {@code method} is set.
   */
  public record Mapping(String name, String path, String method) {}
}
