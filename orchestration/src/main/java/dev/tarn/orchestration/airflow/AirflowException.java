package dev.tarn.orchestration.airflow;

/** A failed call to Airflow, with a message that says what went wrong and how to fix it. */
public final class AirflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AirflowException(String message) {
    super(message);
  }

  public AirflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
