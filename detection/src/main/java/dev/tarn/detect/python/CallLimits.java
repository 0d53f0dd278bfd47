package dev.tarn.detect.python;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** The error texts of a call stopped by the {@link CallWatchdog}, shared by both runtimes (and Jython's Python side). */
record CallLimits(Duration timeout, long allocationLimitBytes) {

  CallLimits {
    requireNonNull(timeout, "timeout is null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Invalid call timeout: " + timeout + " (must be > 0)");
    }
    if (allocationLimitBytes <= 0) {
      throw new IllegalArgumentException("Invalid call allocation limit: " + allocationLimitBytes + " (must be > 0)");
    }
  }

  static CallLimits of(RuntimeOptions options) {
    return new CallLimits(options.callTimeout() == null ? RuntimeOptions.DEFAULT_TIMEOUT : options.callTimeout(),
        options.callAllocationLimitBytes());
  }

  /** The error type name, as the Python side reports it. */
  String kind(CallWatchdog.Limit limit) {
    return limit == CallWatchdog.Limit.TIME ? "RuleTimeout" : "RuleMemoryLimit";
  }

  /** The tail of the message: what the call exceeded. */
  String text(CallWatchdog.Limit limit) {
    if (limit == CallWatchdog.Limit.TIME) {
      return "exceeded the " + human(timeout) + " time limit";
    }
    String amount = allocationLimitBytes >= (1L << 20) ? (allocationLimitBytes >> 20) + " MB"
        : allocationLimitBytes + " bytes";
    return "exceeded memory limit (allocated more than " + amount + " in one call)";
  }

  /** {@code RuleTimeout: rule() of X exceeded the 15 s time limit}. */
  String message(CallWatchdog.Limit limit, String what) {
    return kind(limit) + ": " + what + " " + text(limit);
  }

  private static String human(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }
}
