package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

/**
 * A match expression (or AlertTitle, AlertContext, DynamicSeverities entry) a user wrote wrong. The message is
 * {@code <path>: <problem>}, where the path points inside the YAML ({@code Detection[0].Any[2].Condition}) and the
 * problem says what is wrong and what is accepted instead.
 */
public final class MatchSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  public MatchSyntaxException(String path, String problem) {
    super(requireNonNull(path, "path is null") + ": " + requireNonNull(problem, "problem is null"));
    this.path = path;
    this.problem = problem;
  }

  /** Where in the YAML, e.g. {@code Detection[0].Any[2]}. */
  public String path() {
    return path;
  }

  /** What is wrong and what would be accepted. */
  public String problem() {
    return problem;
  }
}
