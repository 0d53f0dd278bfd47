package dev.tarn.parse.text;

import dev.tarn.logschema.TextOptions;

/** Decides which lines of a file yield no event: the first {@code skipLines} lines and comment lines. */
final class LineSkipper {
  private final String commentPrefix;
  private int linesToSkip;

  LineSkipper(TextOptions options) {
    String prefix = options.skipPrefix();
    this.commentPrefix = prefix == null || prefix.isEmpty() ? null : prefix;
    this.linesToSkip = options.skipLines();
  }

  /** @return true when the line is consumed without events; counts the line against {@code skipLines}. */
  boolean skips(String line) {
    if (linesToSkip > 0) {
      linesToSkip--;
      return true;
    }
    return commentPrefix != null && line.startsWith(commentPrefix);
  }
}
