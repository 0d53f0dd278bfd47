package dev.tarn.detect.pack;

import java.nio.file.Path;

/**
 * Why one file (or one detection in it) could not be loaded. The message says what is wrong and how to fix it.
 *
 * @param id the detection/data model/global id when known, else null
 */
public record LoadProblem(Path file, String id, String message) {
  @Override
  public String toString() {
    return file + (id == null ? "" : " (" + id + ")") + ": " + message;
  }
}
