package dev.tarn.detect.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A {@code rule}, {@code scheduled_rule}, {@code policy} or {@code correlation_rule} as loaded from its YAML (and
 * Python) file, with Panther's defaults applied.
 *
 * @param pythonSource the text of {@code Filename}, or null for a simple (YAML-only) detection
 * @param detectionSpec the raw YAML value of {@code Detection:} (simple detections, parsed by
 *     {@code dev.tarn.detect.match}; for correlation rules the Group/Sequence definition), else null
 * @param inlineFiltersSpec the raw YAML value of {@code InlineFilters:}, else null
 * @param alertContextSpec the raw YAML value of {@code AlertContext:} (simple detections), else null
 * @param dynamicSeveritiesSpec the raw YAML value of {@code DynamicSeverities:}, else null
 * @param severity the YAML {@code Severity}
 * @param displayName {@code DisplayName}, falling back to the id
 * @param dedupPeriodMinutes {@code DedupPeriodMinutes}, default 60
 * @param threshold {@code Threshold}, default 1
 * @param createAlert {@code CreateAlert}, default true; false makes the rule's matches signals only
 * @param runtime the Python runtime the detection's pack asks for ({@code graalpy} or {@code jython}) with the
 *     {@code PythonRuntime} key of the nearest {@code .tarn-pack.yml}; null for the configured default
 * @param version a content hash of the YAML and Python text: {@code p_rule_version}
 */
public record Detection(
    AnalysisType type,
    String id,
    boolean enabled,
    Path file,
    Path pythonFile,
    String pythonSource,
    Object detectionSpec,
    Object inlineFiltersSpec,
    Object alertContextSpec,
    Object dynamicSeveritiesSpec,
    String alertTitle,
    List<String> logTypes,
    List<String> scheduledQueries,
    List<String> resourceTypes,
    Severity severity,
    String displayName,
    String description,
    String reference,
    String runbook,
    int dedupPeriodMinutes,
    int threshold,
    List<String> summaryAttributes,
    List<String> tags,
    Map<String, List<String>> reports,
    boolean createAlert,
    List<String> outputIds,
    String status,
    List<DetectionTest> tests,
    String runtime,
    String version) {

  /** A YAML-only rule whose {@code Detection:} is a match expression. */
  public boolean isSimple() {
    return pythonSource == null && type != AnalysisType.CORRELATION_RULE;
  }

  /**
   * False for correlation rules: Tarn loads their metadata and tests but has no correlation engine yet, so nothing runs
   * them.
   */
  public boolean isRunnable() {
    return type != AnalysisType.CORRELATION_RULE;
  }
}
