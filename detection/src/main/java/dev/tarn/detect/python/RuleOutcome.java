package dev.tarn.detect.python;

import java.util.List;
import java.util.Map;

/**
 * What one detection produced for one event (or resource, or scheduled-query row).
 *
 * <p>In batch mode (production) the auxiliary values are filled, with Panther's defaults, only when the detection
 * matched; {@code error} is set when {@code rule()}/{@code policy()} itself raised (or returned a non-bool, or was
 * stopped by the sandbox), and then {@code matched} is null. In test mode every defined auxiliary function runs and its
 * exception is kept, undefaulted, in {@code functionErrors}.
 *
 * @param matched true when an alert condition holds: {@code rule()} returned True, or {@code policy()} returned
 *     False; null when it raised
 * @param error the exception of the detection function, as {@code TypeName: message} plus a short traceback
 * @param severity upper-case INFO…CRITICAL (after {@code DEFAULT} was replaced by the YAML severity)
 * @param alertContextJson the alert context as JSON text (≤ 200 KB, else {@code {"_error": …}}), or null
 * @param destinations the {@code destinations()} output (≤ 10), or null when the function is absent or returned None
 * @param functionErrors test mode only: function name → exception text, for every auxiliary function that raised
 * @param output test mode only: what the detection printed to stdout and stderr
 */
public record RuleOutcome(
    String detectionId,
    Boolean matched,
    String error,
    String title,
    String dedup,
    String severity,
    String alertContextJson,
    String description,
    String reference,
    String runbook,
    List<String> destinations,
    Map<String, String> functionErrors,
    String output) {

  public boolean errored() {
    return error != null;
  }
}
