package dev.tarn.notebook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Spark SQL text just enough to split it into statements at {@code ;} and to find its named parameter markers
 * ({@code :name}), skipping string literals ({@code '...'}, {@code "..."}, with backslash escapes), quoted
 * identifiers ({@code `...`}) and comments ({@code --}, {@code /* *}{@code /}), where neither counts.
 */
final class SqlText {
  private SqlText() {}

  /** Receives the characters of the text that are code (outside literals, identifiers in backticks, comments). */
  private interface CodeVisitor {
    void code(String text, int i);
  }

  /** The statements of {@code sql}, stripped; statements holding only comments and blanks are left out. */
  static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    int[] start = {0};
    scan(sql, (text, i) -> {
      if (text.charAt(i) == ';') {
        add(out, text.substring(start[0], i));
        start[0] = i + 1;
      }
    });
    add(out, sql.substring(start[0]));
    return List.copyOf(out);
  }

  /** The names of the {@code :name} parameter markers in {@code sql}, in order of first use. */
  static Set<String> parameterMarkers(String sql) {
    Set<String> names = new LinkedHashSet<>();
    scan(sql, (text, i) -> {
      boolean marker = text.charAt(i) == ':' && i + 1 < text.length()
          && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '_')
          && (i == 0 || text.charAt(i - 1) != ':');
      if (marker) {
        int end = i + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        names.add(text.substring(i + 1, end));
      }
    });
    return names;
  }

  /** True when {@code sql} holds nothing but comments and whitespace. */
  static boolean isBlank(String sql) {
    boolean[] code = {false};
    scan(sql, (text, i) -> {
      code[0] |= !Character.isWhitespace(text.charAt(i));
    });
    return !code[0];
  }

  private static void add(List<String> out, String statement) {
    if (!isBlank(statement)) {
      out.add(statement.strip());
    }
  }

  private static void scan(String text, CodeVisitor visitor) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        i = closing(text, i, c);
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        visitor.code(text, i);
        i++;
      }
    }
  }

  /** The index after the quote closing the one at {@code open} (the end of the text if it never closes). */
  private static int closing(String text, int open, char quote) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return text.length();
  }
}
