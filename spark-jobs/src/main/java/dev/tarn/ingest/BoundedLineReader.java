package dev.tarn.ingest;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like BufferedReader, but never holds more than {@code maxChars} of one line: a longer line is reported
 * as oversize (its first characters and full length kept) and the rest of it is skipped, so one huge line cannot
 * exhaust the heap.
 */
final class BoundedLineReader {
  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[64 * 1024];
  private int pos;
  private int limit;
  private final StringBuilder line = new StringBuilder(256);
  private long length;
  private boolean oversize;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** Advances to the next line; false at end of input. */
  boolean next() throws IOException {
    line.setLength(0);
    length = 0;
    oversize = false;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return any;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      append(start, pos);
      if (pos < limit) {
        pos++; // the newline
        if (line.length() > 0 && line.charAt(line.length() - 1) == '\r' && !oversize) {
          line.setLength(line.length() - 1);
          length--;
        }
        return true;
      }
    }
  }

  private void append(int start, int end) {
    int n = end - start;
    length += n;
    int room = maxChars - line.length();
    if (n <= room && !oversize) {
      line.append(buffer, start, n);
    } else {
      if (room > 0) {
        line.append(buffer, start, room);
      }
      oversize = true;
    }
  }

  /** The line (its first {@code maxChars} characters when oversize). */
  String line() {
    return line.toString();
  }

  long length() {
    return length;
  }

  boolean oversize() {
    return oversize;
  }
}
