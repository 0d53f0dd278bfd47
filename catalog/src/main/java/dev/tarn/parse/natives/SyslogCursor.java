package dev.tarn.parse.natives;

import dev.tarn.parse.RecordRejectedException;

/** A read position in a syslog line; failures name what was expected and where. */
final class SyslogCursor {
  static final char END = '\0';

  private final String text;
  private int pos;

  SyslogCursor(String text) {
    this.text = text;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  char peek() {
    return atEnd() ? END : text.charAt(pos);
  }

  void skip() {
    pos++;
  }

  void expect(char c, String what) throws RecordRejectedException {
    if (peek() != c || atEnd()) {
      throw fail(what);
    }
    pos++;
  }

  int number(int maxDigits, String what) throws RecordRejectedException {
    int start = pos;
    int value = 0;
    while (!atEnd() && pos - start < maxDigits && Character.isDigit(text.charAt(pos))) {
      value = value * 10 + (text.charAt(pos) - '0');
      pos++;
    }
    if (pos == start) {
      throw fail("the " + what + " (digits)");
    }
    return value;
  }

  /** Reads up to the next space or the end. */
  String word() throws RecordRejectedException {
    int end = text.indexOf(' ', pos);
    if (end < 0) {
      end = text.length();
    }
    if (end == pos) {
      throw fail("a header field (use '-' for no value)");
    }
    String word = text.substring(pos, end);
    pos = end;
    return word;
  }

  /** Reads up to (not including) the first of {@code stops}. */
  String until(String stops, String what) throws RecordRejectedException {
    int start = pos;
    while (!atEnd() && stops.indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    if (pos == start) {
      throw fail(what);
    }
    return text.substring(start, pos);
  }

  String rest() {
    String rest = text.substring(Math.min(pos, text.length()));
    pos = text.length();
    return rest;
  }

  RecordRejectedException fail(String expected) {
    String found = atEnd() ? "the end of the line" : "'" + text.charAt(pos) + "'";
    return RecordRejectedException.of(
        "invalid RFC 5424 syslog line: expected %s at offset %d, found %s", expected, pos, found);
  }
}
