package dev.tarn.parse.text;

import java.util.List;

/**
 * Splits one line of delimited text into fields, RFC 4180 style with "lazy" quotes: a field that starts with
 * {@code "} runs to the quote that is followed by the delimiter or the end of the line ({@code ""} inside it is
 * one quote); any other quote is kept as a literal character, so sloppy writers do not make whole lines unreadable.
 * An unterminated quoted field takes the rest of the line.
 */
public final class CsvLineSplitter {
  private static final char QUOTE = '"';

  private final char delimiter;
  private final StringBuilder quoted = new StringBuilder();

  public CsvLineSplitter(char delimiter) {
    this.delimiter = delimiter;
  }

  /** Clears {@code fields} and fills it with the fields of {@code line}. */
  public void split(String line, List<String> fields) {
    fields.clear();
    int length = line.length();
    int pos = 0;
    while (true) {
      if (pos < length && line.charAt(pos) == QUOTE) {
        pos = readQuoted(line, pos + 1, fields);
      } else {
        int end = line.indexOf(delimiter, pos);
        if (end < 0) {
          end = length;
        }
        fields.add(line.substring(pos, end));
        pos = end;
      }
      // pos is now at a delimiter or at the end of the line.
      if (pos >= length) {
        return;
      }
      pos++;
    }
  }

  private int readQuoted(String line, int start, List<String> fields) {
    int length = line.length();
    quoted.setLength(0);
    int pos = start;
    while (pos < length) {
      char c = line.charAt(pos);
      if (c != QUOTE) {
        quoted.append(c);
        pos++;
      } else if (pos + 1 == length || line.charAt(pos + 1) == delimiter) {
        fields.add(quoted.toString());
        return pos + 1;
      } else if (line.charAt(pos + 1) == QUOTE) {
        quoted.append(QUOTE);
        pos += 2;
      } else {
        quoted.append(QUOTE);
        pos++;
      }
    }
    fields.add(quoted.toString());
    return length;
  }
}
