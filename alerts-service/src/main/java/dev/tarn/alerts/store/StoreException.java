package dev.tarn.alerts.store;

/** A database failure, with the SQL error kept as the cause. */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
