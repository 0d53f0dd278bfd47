package dev.tarn.detect.schedule;

import static java.util.Objects.requireNonNull;

/**
 * A Panther time macro in a query could not be expanded. The message names the macro, where it is (1-based line and
 * column of the macro name) and what was expected, e.g. {@code p_occurs_since at line 4, column 5: argument 1 '1
 * fortnight' is not a time offset; expected ...}.
 */
public final class MacroException extends IllegalArgumentException {

  private final String macro;
  private final int line;
  private final int column;
  private final String problem;

  public MacroException(String macro, int line, int column, String problem) {
    super(requireNonNull(macro, "macro is null") + " at line " + line + ", column " + column + ": "
        + requireNonNull(problem, "problem is null"));
    this.macro = macro;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /** The macro name as written in the query. */
  public String macro() {
    return macro;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What was wrong and what was expected, without the position. */
  public String problem() {
    return problem;
  }
}
