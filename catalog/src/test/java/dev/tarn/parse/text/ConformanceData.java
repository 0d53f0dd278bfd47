package dev.tarn.parse.text;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Panther's conformance files, read where the shared checkout keeps them (never copied into this repository).
 * Tests that need them are skipped when they are absent.
 */
public final class ConformanceData {

  private ConformanceData() {}

  /** @return the file at {@code relative} under the conformance root; skips the calling test when it is missing */
  public static Path require(String relative) {
    Path root = Paths.get(System.getProperty("user.dir")).resolve("../../shared/conformance/panther").normalize();
    Path file = root.resolve(relative);
    assumeTrue(Files.isRegularFile(file), "Panther conformance data not found at " + file);
    return file;
  }
}
