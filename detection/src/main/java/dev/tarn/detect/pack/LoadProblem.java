package dev.tarn.detect.pack;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Why one file (or one detection in it) could not be loaded, or something the user should know about it. The message
 * says what is wrong and how to fix it.
 *
 * @param file the file at fault, or null when the problem belongs to no file
 * @param line the 1-based line in {@code file}, or 0 when unknown
 * @param id the detection/data model/global id when known, else null
 * @param level {@link Level#ERROR} makes the spec invalid (a test run fails); warnings and notices only inform
 */
public record LoadProblem(Path file, int line, String id, String message, Level level) {

  /** How serious a problem is. */
  public enum Level {
    /** The spec is invalid and was not loaded (or, for references, the pack is incomplete). */
    ERROR,
    /** Loaded, but something is probably wrong (for example a pack naming an id that no file defines). */
    WARNING,
    /** Loaded and accepted, but Tarn does not act on it yet (for example lookup tables). */
    NOTICE
  }

  public LoadProblem {
    requireNonNull(message, "message is null");
    requireNonNull(level, "level is null");
  }

  /** An error without a line number. */
  public LoadProblem(Path file, String id, String message) {
    this(file, 0, id, message, Level.ERROR);
  }

  public boolean isError() {
    return level == Level.ERROR;
  }

  @Override
  public String toString() {
    return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ")
        + (id == null ? "" : "(" + id + ") ")
        + (level == Level.ERROR ? "" : level.name().toLowerCase(java.util.Locale.ROOT) + ": ")
        + message;
  }
}
