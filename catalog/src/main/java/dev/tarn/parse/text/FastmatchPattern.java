package dev.tarn.parse.text;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One compiled fastmatch pattern: {@code %{name}} placeholders between literal delimiters. Matching walks the line
 * once with {@code indexOf}, no regular expressions, because these patterns run on every line of large files.
 *
 * <p>A placeholder between two quotes of the same kind (the delimiter before it ends with {@code "} or {@code '}
 * and the one after it starts with that quote) is a quoted value: it ends at the quote that starts the next
 * delimiter, backslash escapes are decoded, and quotes that do not start the next delimiter stay in the value.
 */
final class FastmatchPattern {
  private final String source;
  private final String prefix;
  private final String[] names;
  private final String[] delimiters;
  private final char[] quotes;
  private final StringBuilder unescaped = new StringBuilder();

  private FastmatchPattern(String source, String prefix, String[] names, String[] delimiters, char[] quotes) {
    this.source = source;
    this.prefix = prefix;
    this.names = names;
    this.delimiters = delimiters;
    this.quotes = quotes;
  }

  static FastmatchPattern compile(String pattern) {
    requireNonNull(pattern, "pattern is null");
    Template template = Template.parse(pattern);
    int count = template.tags().size();
    if (count == 0) {
      throw new IllegalArgumentException("Invalid fastmatch pattern '" + pattern + "': it has no %{field} placeholder");
    }
    String[] names = new String[count];
    String[] delimiters = new String[count];
    char[] quotes = new char[count];
    for (int i = 0; i < count; i++) {
      names[i] = template.tags().get(i).strip();
      String before = template.literals().get(i);
      String after = template.literals().get(i + 1);
      // Only the last placeholder may lack a delimiter after it: it takes the rest of the line.
      if (after.isEmpty() && i < count - 1) {
        throw new IllegalArgumentException("Invalid fastmatch pattern '" + pattern + "': %{" + names[i] + "} and %{"
            + template.tags().get(i + 1).strip() + "} need literal text between them");
      }
      delimiters[i] = after;
      quotes[i] = quoteAround(before, after);
    }
    return new FastmatchPattern(pattern, template.literals().get(0), names, delimiters, quotes);
  }

  private static char quoteAround(String before, String after) {
    if (before.isEmpty() || after.isEmpty()) {
      return 0;
    }
    char open = before.charAt(before.length() - 1);
    return (open == '"' || open == '\'') && after.charAt(0) == open ? open : 0;
  }

  String source() {
    return source;
  }

  /**
   * Matches {@code line} and appends name, value, name, value... to {@code out}; placeholders with an empty name
   * are matched but not appended. Text after the last delimiter is ignored, as Panther's fastmatch does.
   *
   * @return false (with {@code out} possibly partly filled) when the line does not match
   */
  boolean match(String line, List<String> out) {
    if (!line.startsWith(prefix)) {
      return false;
    }
    int pos = prefix.length();
    for (int i = 0; i < names.length; i++) {
      String delimiter = delimiters[i];
      String value;
      if (delimiter.isEmpty()) {
        value = line.substring(pos);
        pos = line.length();
      } else if (quotes[i] != 0) {
        int end = quotedEnd(line, pos, delimiter, quotes[i]);
        if (end < 0) {
          return false;
        }
        value = unescaped.toString();
        pos = end + delimiter.length();
      } else {
        int end = line.indexOf(delimiter, pos);
        if (end < 0) {
          return false;
        }
        value = line.substring(pos, end);
        pos = end + delimiter.length();
      }
      if (!names[i].isEmpty()) {
        out.add(names[i]);
        out.add(value);
      }
    }
    return true;
  }

  /** Reads a quoted value into {@code unescaped}; returns where the delimiter starts, or -1. */
  private int quotedEnd(String line, int start, String delimiter, char quote) {
    unescaped.setLength(0);
    int length = line.length();
    int pos = start;
    while (pos < length) {
      char c = line.charAt(pos);
      if (c == '\\' && pos + 1 < length) {
        unescaped.append(unescape(line.charAt(pos + 1)));
        pos += 2;
      } else if (c == quote && line.startsWith(delimiter, pos)) {
        return pos;
      } else {
        unescaped.append(c);
        pos++;
      }
    }
    return -1;
  }

  private static String unescape(char escaped) {
    return switch (escaped) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '"', '\'', '\\' -> String.valueOf(escaped);
      default -> "\\" + escaped;
    };
  }
}
