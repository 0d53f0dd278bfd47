package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Spark SQL text into tokens just finely enough to find macro calls: string literals, back-quoted identifiers
 * and comments are single tokens, so a macro name inside them is never mistaken for a call. Follows Spark's lexer:
 * single- and double-quoted strings with backslash escapes, {@code `id`} with {@code ``} as the escaped quote,
 * {@code --} line comments and nestable {@code /* *}{@code /} comments. An unterminated string or comment runs to the
 * end of the text (Spark reports the syntax error; we only must not look inside it).
 */
final class SqlLexer {

  enum Kind {
    WORD, STRING, QUOTED_IDENTIFIER, PUNCTUATION, WHITESPACE, COMMENT
  }

  /**
   * @param start offset of the first character in the SQL text
   * @param end offset just past the last character
   * @param text the token's source text, quotes included
   */
  record Token(Kind kind, int start, int end, String text) {

    boolean significant() {
      return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    boolean is(char punctuation) {
      return kind == Kind.PUNCTUATION && text.charAt(0) == punctuation;
    }

    /** The value of a string literal: quotes removed, each backslash-escaped character taken as itself. */
    String stringValue() {
      if (kind != Kind.STRING) {
        throw new IllegalStateException("not a string literal: " + text);
      }
      char quote = text.charAt(0);
      int last = text.length() > 1 && text.charAt(text.length() - 1) == quote ? text.length() - 1 : text.length();
      StringBuilder value = new StringBuilder();
      for (int i = 1; i < last; i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < last) {
          i++;
          c = text.charAt(i);
        }
        value.append(c);
      }
      return value.toString();
    }
  }

  private final String sql;
  private int pos;

  private SqlLexer(String sql) {
    this.sql = sql;
  }

  static List<Token> tokenize(String sql) {
    requireNonNull(sql, "sql is null");
    SqlLexer lexer = new SqlLexer(sql);
    List<Token> tokens = new ArrayList<>();
    while (lexer.pos < sql.length()) {
      tokens.add(lexer.nextToken());
    }
    return List.copyOf(tokens);
  }

  private Token nextToken() {
    int start = pos;
    char c = sql.charAt(pos);
    Kind kind;
    if (c == '\'' || c == '"') {
      skipString(c);
      kind = Kind.STRING;
    } else if (c == '`') {
      skipQuotedIdentifier();
      kind = Kind.QUOTED_IDENTIFIER;
    } else if (c == '-' && peek(1) == '-') {
      while (pos < sql.length() && sql.charAt(pos) != '\n') {
        pos++;
      }
      kind = Kind.COMMENT;
    } else if (c == '/' && peek(1) == '*') {
      skipBlockComment();
      kind = Kind.COMMENT;
    } else if (Character.isWhitespace(c)) {
      while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
        pos++;
      }
      kind = Kind.WHITESPACE;
    } else if (isWordChar(c)) {
      while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
        pos++;
      }
      kind = Kind.WORD;
    } else {
      pos++;
      kind = Kind.PUNCTUATION;
    }
    return new Token(kind, start, pos, sql.substring(start, pos));
  }

  private char peek(int ahead) {
    return pos + ahead < sql.length() ? sql.charAt(pos + ahead) : '\0';
  }

  private void skipString(char quote) {
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\\') {
        pos += 2;
      } else {
        pos++;
        if (c == quote) {
          return;
        }
      }
    }
    pos = sql.length();
  }

  private void skipQuotedIdentifier() {
    pos++;
    while (pos < sql.length()) {
      if (sql.charAt(pos) == '`') {
        if (peek(1) == '`') {
          pos += 2;
          continue;
        }
        pos++;
        return;
      }
      pos++;
    }
  }

  /** Spark's bracketed comments nest: {@code /* a /* b *}{@code / c *}{@code /} is one comment. */
  private void skipBlockComment() {
    int depth = 0;
    while (pos < sql.length()) {
      if (sql.charAt(pos) == '/' && peek(1) == '*') {
        depth++;
        pos += 2;
      } else if (sql.charAt(pos) == '*' && peek(1) == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }
}
