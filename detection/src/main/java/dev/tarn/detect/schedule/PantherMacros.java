package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.schedule.MacroCall.Argument;
import dev.tarn.detect.schedule.SqlLexer.Kind;
import dev.tarn.detect.schedule.SqlLexer.Token;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands Panther's time macros ({@code p_occurs_since}, {@code p_occurs_between}, {@code p_occurs_around},
 * {@code p_occurs_after}, {@code p_occurs_before}) in a query into plain Spark SQL predicates on {@code p_event_time}
 * and the {@code p_date} partition column. See {@link TimeMacro} for the window each macro selects.
 *
 * <p>The expansion is deterministic: the present is the {@code now} argument (a scheduled run passes its scheduled
 * time), and every time is written as a UTC literal. Macro names are matched case-insensitively outside string
 * literals, back-quoted identifiers and comments; everything except the macro calls is returned unchanged. A name
 * starting with {@code p_occurs_} followed by {@code (} that is not one of the macros is an error, as are invalid
 * arguments; the {@link MacroException} says which macro, where and what was expected.
 */
public final class PantherMacros {

  private PantherMacros() {}

  /**
   * @param sql a query with Panther time macros
   * @param now the present for relative macros ({@code p_occurs_since})
   * @return the query with each macro call replaced by a parenthesized predicate
   * @throws MacroException if a macro is unknown, unterminated or has invalid arguments
   */
  public static String expand(String sql, Instant now) {
    requireNonNull(sql, "sql is null");
    requireNonNull(now, "now is null");
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder expanded = new StringBuilder(sql.length() + 64);
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      if (!isMacroCall(tokens, i)) {
        continue;
      }
      MacroCall call = parseCall(sql, tokens, i);
      TimeMacro macro = TimeMacro.named(call.name()).orElseThrow(
          () -> call.error("unknown macro; expected one of " + TimeMacro.knownNames()));
      expanded.append(sql, copied, call.start()).append(macro.expand(call, now));
      copied = call.end();
      while (i + 1 < tokens.size() && tokens.get(i + 1).start() < copied) {
        i++;
      }
    }
    return expanded.append(sql, copied, sql.length()).toString();
  }

  /** A {@code p_occurs_*} word, not qualified by a dot, followed by an opening parenthesis. */
  private static boolean isMacroCall(List<Token> tokens, int index) {
    Token token = tokens.get(index);
    if (token.kind() != Kind.WORD || !token.text().toLowerCase(Locale.ROOT).startsWith(TimeMacro.PREFIX)) {
      return false;
    }
    int previous = significant(tokens, index - 1, -1);
    if (previous >= 0 && tokens.get(previous).is('.')) {
      return false;
    }
    int next = significant(tokens, index + 1, 1);
    return next < tokens.size() && tokens.get(next).is('(');
  }

  /** The index of the first significant token from {@code from} in {@code direction}, or out of range if none. */
  private static int significant(List<Token> tokens, int from, int direction) {
    int i = from;
    while (i >= 0 && i < tokens.size() && !tokens.get(i).significant()) {
      i += direction;
    }
    return i;
  }

  private static MacroCall parseCall(String sql, List<Token> tokens, int nameIndex) {
    Token name = tokens.get(nameIndex);
    int[] position = lineAndColumn(sql, name.start());
    int open = significant(tokens, nameIndex + 1, 1);
    List<Argument> arguments = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    int depth = 0;
    for (int i = open + 1; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.is('(')) {
        depth++;
      } else if (token.is(')') && depth > 0) {
        depth--;
      } else if (depth == 0 && (token.is(',') || token.is(')'))) {
        boolean closing = token.is(')');
        if (!(closing && arguments.isEmpty() && current.isEmpty())) {
          arguments.add(argument(sql, current));
        }
        current = new ArrayList<>();
        if (closing) {
          return new MacroCall(name.text(), name.start(), token.end(), position[0], position[1], arguments);
        }
        continue;
      }
      if (token.significant()) {
        current.add(token);
      }
    }
    throw new MacroException(name.text(), position[0], position[1],
        "missing closing parenthesis; expected " + name.text() + "(...)");
  }

  private static Argument argument(String sql, List<Token> tokens) {
    String source = tokens.isEmpty() ? "" : sql.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    return new Argument(tokens, source);
  }

  /** 1-based line and column of {@code offset}; lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. */
  private static int[] lineAndColumn(String sql, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      char c = sql.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, offset - lineStart + 1};
  }
}
