package dev.tarn.parse.text;

import dev.tarn.parse.RecordRejectedException;

/** Checks shared by every parser of text lines (the declarative text parsers and the native ones). */
public final class TextLines {

  private TextLines() {}

  /**
   * Rejects a line that starts with {@code {}. Space- and comma-separated formats are loose enough that a JSON
   * object can look like a valid row (a CloudTrail line has plenty of spaces), and the classifier would then keep
   * preferring the wrong parser; refusing JSON up front keeps JSON lines for the JSON parsers.
   */
  public static void refuseJson(String line) throws RecordRejectedException {
    if (!line.isEmpty() && line.charAt(0) == '{') {
      throw new RecordRejectedException("line starts with '{': JSON is not read by text parsers");
    }
  }
}
