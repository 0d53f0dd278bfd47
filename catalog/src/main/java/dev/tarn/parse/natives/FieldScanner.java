package dev.tarn.parse.natives;

import dev.tarn.parse.RecordRejectedException;

/**
 * Reads the fields of a space-separated access-log line one at a time: bare words, {@code "quoted text"} and
 * {@code [bracketed text]}, each returned without its quotes or brackets. Hand-written rather than a regex because
 * these formats are ingested by the gigabyte.
 *
 * <p>A quoted field ends at a quote followed by a space or the end of the line, so quotes inside a value are kept;
 * a backslash keeps the next character from ending the field and is itself kept (values stay as logged). One
 * instance is reused line after line.
 */
final class FieldScanner {
  private static final int DONE = -1;

  private final boolean collapseSpaces;
  private String line = "";
  private int pos = DONE;
  private int field;

  /** @param collapseSpaces whether a run of spaces separates two fields (otherwise every space does) */
  FieldScanner(boolean collapseSpaces) {
    this.collapseSpaces = collapseSpaces;
  }

  FieldScanner reset(String newLine) {
    this.line = newLine;
    this.field = 0;
    this.pos = 0;
    skipSeparators();
    if (collapseSpaces && pos == line.length()) {
      pos = DONE;
    }
    return this;
  }

  boolean hasNext() {
    return pos != DONE;
  }

  /** Number of fields read so far. */
  int fieldsRead() {
    return field;
  }

  /**
   * Reads the next field, quoted or bare. Brackets are only read where a format has them ({@link #nextBracketed}),
   * since a bare value may start with one (an ALB client {@code [2001:db8::1]:443}).
   */
  String next() throws RecordRejectedException {
    requireMore();
    return pos < line.length() && line.charAt(pos) == '"' ? nextQuoted() : nextBare();
  }

  String nextBare() throws RecordRejectedException {
    requireMore();
    int end = line.indexOf(' ', pos);
    return take(pos, end < 0 ? line.length() : end, 0);
  }

  String nextQuoted() throws RecordRejectedException {
    return nextEnclosed('"', '"', "quoted");
  }

  String nextBracketed() throws RecordRejectedException {
    return nextEnclosed('[', ']', "bracketed");
  }

  private String nextEnclosed(char open, char close, String kind) throws RecordRejectedException {
    requireMore();
    if (pos >= line.length() || line.charAt(pos) != open) {
      throw RecordRejectedException.of("expected a %s field at field %d, found '%s'", kind, field + 1, preview());
    }
    for (int i = pos + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == close && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
        return take(pos + 1, i, 1);
      }
    }
    throw RecordRejectedException.of("unterminated %s field at field %d: '%s'", kind, field + 1, preview());
  }

  /** Returns {@code line[start, end)} and moves past the field, its closing character and the separator. */
  private String take(int start, int end, int closingLength) {
    String value = line.substring(start, end);
    field++;
    int after = end + closingLength;
    if (after >= line.length()) {
      pos = DONE;
    } else {
      pos = after + 1;
      skipSeparators();
      if (collapseSpaces && pos == line.length()) {
        pos = DONE;
      }
    }
    return value;
  }

  private void skipSeparators() {
    if (collapseSpaces) {
      while (pos < line.length() && line.charAt(pos) == ' ') {
        pos++;
      }
    }
  }

  private void requireMore() throws RecordRejectedException {
    if (pos == DONE) {
      throw RecordRejectedException.of("line ends after %d fields, expected more", field);
    }
  }

  private String preview() {
    int end = Math.min(line.length(), pos + 40);
    return line.substring(pos, end) + (end < line.length() ? "..." : "");
  }
}
