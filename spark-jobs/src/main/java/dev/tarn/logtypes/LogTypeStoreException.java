package dev.tarn.logtypes;

/** A refused change to the user-defined log types, with Panther's error code and what to do about it. */
public final class LogTypeStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Panther's error codes for custom log operations. */
  public enum Code { ALREADY_EXISTS, NOT_FOUND, REVISION_CONFLICT, INVALID_UPDATE, INVALID_LOG_SCHEMA, IN_USE }

  private final Code code;

  public LogTypeStoreException(Code code, String message) {
    super(message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
