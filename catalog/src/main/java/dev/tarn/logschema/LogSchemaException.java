package dev.tarn.logschema;

/** A log schema that cannot be used, with where (file, line, field) and what is expected. */
public final class LogSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogSchemaException(String message) {
    super(message);
  }

  public LogSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
