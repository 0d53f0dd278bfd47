package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.schedule.SqlLexer.Kind;
import dev.tarn.detect.schedule.SqlLexer.Token;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One macro call found in a query: its name as written, where it is, and its arguments split at the top-level commas.
 *
 * @param start offset of the macro name
 * @param end offset just past the closing parenthesis
 * @param line 1-based line of the macro name
 * @param column 1-based column of the macro name
 */
record MacroCall(String name, int start, int end, int line, int column, List<Argument> arguments) {

  /**
   * @param tokens the argument's tokens without whitespace and comments (empty for an empty argument)
   * @param source the argument's source text, trimmed, for error messages
   */
  record Argument(List<Token> tokens, String source) {

    Argument {
      tokens = List.copyOf(tokens);
      requireNonNull(source, "source is null");
    }

    boolean isSingle(Kind kind) {
      return tokens.size() == 1 && tokens.get(0).kind() == kind;
    }

    /** The words of an unquoted argument joined by single spaces ({@code 1 hour}), or empty if not all words. */
    String words() {
      return tokens.stream().allMatch(t -> t.kind() == Kind.WORD)
          ? tokens.stream().map(Token::text).collect(Collectors.joining(" "))
          : "";
    }
  }

  MacroCall {
    requireNonNull(name, "name is null");
    arguments = List.copyOf(arguments);
  }

  MacroException error(String problem) {
    return new MacroException(name, line, column, problem);
  }

  /** The error for argument {@code index} (0-based), quoting it as written. */
  MacroException argumentError(int index, String problem) {
    return error("argument " + (index + 1) + " (" + arguments.get(index).source() + ") " + problem);
  }
}
