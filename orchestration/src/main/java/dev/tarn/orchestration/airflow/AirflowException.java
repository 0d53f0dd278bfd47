package dev.tarn.orchestration.airflow;

/** A failed call to Airflow, with a message that says what went wrong and how to fix it. */
public final class AirflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public AirflowException(String message) {
    this(message, 0);
  }

  public AirflowException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  public AirflowException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status Airflow answered with, or 0 when the failure was not an HTTP answer. */
  public int status() {
    return status;
  }
}
