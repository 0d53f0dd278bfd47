package dev.tarn.alerts.delivery;

/**
 * The outcome of one send. HTTP 2xx is success; other statuses and network errors are retryable; a request that
 * cannot be built (bad configuration, refused by the SSRF guard) is permanent and dead-letters at once.
 *
 * @param statusCode the HTTP status, or null when no response came
 * @param message a short description for the attempt log; never contains secrets
 */
public record DeliveryResult(boolean success, Integer statusCode, String message, boolean permanent) {
  public static DeliveryResult delivered(int statusCode) {
    return new DeliveryResult(true, statusCode, "delivered", false);
  }

  public static DeliveryResult retryable(Integer statusCode, String message) {
    return new DeliveryResult(false, statusCode, message, false);
  }

  public static DeliveryResult permanent(Integer statusCode, String message) {
    return new DeliveryResult(false, statusCode, message, true);
  }
}
