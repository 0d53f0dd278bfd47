package dev.tarn.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates Panther's conformance data (../shared/conformance/panther beside the repository), read at run time. */
final class Conformance {
  private Conformance() {}

  static Optional<Path> root() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/conformance/panther");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
