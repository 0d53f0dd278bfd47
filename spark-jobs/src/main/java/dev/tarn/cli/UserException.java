package dev.tarn.cli;

/** A failure the user can fix (bad query, missing file); printed without a stack trace. */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }
}
