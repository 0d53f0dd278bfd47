package dev.tarn.alerts.api;

import java.util.List;

/**
 * A failure the caller can act on, answered as {@code {"error": {"code", "message", "details"?}}} with its HTTP
 * status. Messages say what was wrong, where, and how to fix it.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final List<String> details;

  public ApiException(int status, String code, String message, List<String> details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? List.of() : List.copyOf(details);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message, null);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, null);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Individual problems (validation messages, unknown ids); empty when the message says it all. */
  public List<String> details() {
    return details;
  }
}
