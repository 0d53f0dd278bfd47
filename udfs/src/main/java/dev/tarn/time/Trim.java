package dev.tarn.time;

/**
 * Bounds of a text without its surrounding white space (spaces and control characters), for the parsers here that
 * work on index ranges and must not allocate a trimmed copy per value.
 */
final class Trim {
  private Trim() {}

  static int start(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) <= ' ') {
      start++;
    }
    return start;
  }

  static int end(String text, int start) {
    int end = text.length();
    while (end > start && text.charAt(end - 1) <= ' ') {
      end--;
    }
    return end;
  }
}
