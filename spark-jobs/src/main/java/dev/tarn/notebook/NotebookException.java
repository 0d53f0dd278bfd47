package dev.tarn.notebook;

/** A notebook that cannot be run as written or asked for (bad format, unknown parameter): the user can fix it. */
public final class NotebookException extends RuntimeException {
  public NotebookException(String message) {
    super(message);
  }
}
