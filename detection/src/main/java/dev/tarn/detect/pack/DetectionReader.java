package dev.tarn.detect.pack;

import java.util.List;

/** Reads {@code rule}, {@code scheduled_rule}, {@code policy} and {@code correlation_rule} specs. */
final class DetectionReader {
  private static final String SEVERITIES = "Info, Low, Medium, High, Critical";

  private DetectionReader() {}

  static Detection read(SpecFile spec, AnalysisType type) {
    SpecMap m = spec.root();
    return switch (type) {
      case RULE, SCHEDULED_RULE -> rule(spec, m, type);
      case POLICY -> policy(spec, m);
      case CORRELATION_RULE -> correlationRule(spec, m);
      default -> throw new IllegalArgumentException("not a detection type: " + type);
    };
  }

  private static Detection rule(SpecFile spec, SpecMap m, AnalysisType type) {
    if (m.has("BaseDetection")) {
      throw m.error("BaseDetection", "derived detections (BaseDetection) are not supported yet; copy the base"
          + " detection's Filename or Detection into this file instead");
    }
    m.allowOnly(SpecKeys.RULE, "a " + type.yamlName());
    String id = m.id("RuleID");
    boolean enabled = m.bool("Enabled");
    Severity severity = severity(m);
    String code = m.exactlyOne("Filename", "Detection",
        "a rule is either Python (Filename) or a simple YAML detection (Detection)");
    m.exactlyOne("LogTypes", "ScheduledQueries",
        "a rule reads LogTypes, a scheduled rule reads the rows of ScheduledQueries");
    String wanted = type == AnalysisType.RULE ? "LogTypes" : "ScheduledQueries";
    if (!m.has(wanted)) {
      throw m.error(type == AnalysisType.RULE ? "ScheduledQueries" : "LogTypes", "a " + type.yamlName()
          + " needs " + wanted + (type == AnalysisType.RULE
              ? " (ScheduledQueries is for AnalysisType scheduled_rule)"
              : " (LogTypes is for AnalysisType rule)"));
    }
    List<String> logTypes = m.requiredStringList(wanted);
    if (logTypes.isEmpty()) {
      throw m.error(wanted, wanted + " is empty; name at least one");
    }
    checkUnkeptKeys(m);
    SpecFile.PythonFile python = code.equals("Filename") ? spec.python(m, "Filename") : null;
    Object detectionSpec = code.equals("Detection") ? m.value("Detection") : null;
    List<DetectionTest> tests = TestReader.read(m, type);
    return new Detection(type, id, enabled, spec.file(), python == null ? null : python.path(),
        python == null ? null : python.text(), detectionSpec, m.value("InlineFilters"), m.value("AlertContext"),
        m.value("DynamicSeverities"), m.optString("AlertTitle"),
        type == AnalysisType.RULE ? logTypes : List.of(), type == AnalysisType.SCHEDULED_RULE ? logTypes : List.of(),
        List.of(), severity, displayName(m, id), m.optString("Description"), reference(m),
        m.optString("Runbook"), positive(m, "DedupPeriodMinutes", 60), positive(m, "Threshold", 1),
        m.stringList("SummaryAttributes"), m.stringList("Tags"), m.stringListMap("Reports"),
        createAlert(m), m.stringList("OutputIds"), m.optString("Status"), tests, spec.runtime(),
        spec.version(python));
  }

  private static Detection policy(SpecFile spec, SpecMap m) {
    m.allowOnly(SpecKeys.POLICY, "a policy");
    String id = m.id("PolicyID");
    boolean enabled = m.bool("Enabled");
    Severity severity = severity(m);
    SpecFile.PythonFile python = spec.python(m, "Filename");
    checkUnkeptKeys(m);
    m.optString("AutoRemediationID");
    m.optInteger("ActionDelaySeconds");
    m.stringList("Suppressions");
    List<DetectionTest> tests = TestReader.read(m, AnalysisType.POLICY);
    return new Detection(AnalysisType.POLICY, id, enabled, spec.file(), python.path(), python.text(), null, null,
        null, null, null, List.of(), List.of(), m.stringList("ResourceTypes"), severity, displayName(m, id),
        m.optString("Description"), reference(m), m.optString("Runbook"), 60, 1, List.of(),
        m.stringList("Tags"), m.stringListMap("Reports"), true, m.stringList("OutputIds"), m.optString("Status"),
        tests, spec.runtime(), spec.version(python));
  }

  private static Detection correlationRule(SpecFile spec, SpecMap m) {
    m.allowOnly(SpecKeys.CORRELATION_RULE, "a correlation_rule");
    String id = m.id("RuleID");
    boolean enabled = m.bool("Enabled");
    Severity severity = severity(m);
    m.require("Detection");
    checkUnkeptKeys(m);
    List<DetectionTest> tests = TestReader.read(m, AnalysisType.CORRELATION_RULE);
    return new Detection(AnalysisType.CORRELATION_RULE, id, enabled, spec.file(), null, null, m.value("Detection"),
        null, null, null, null, List.of(), List.of(), List.of(), severity, displayName(m, id),
        m.optString("Description"), reference(m), m.optString("Runbook"), 60, 1,
        m.stringList("SummaryAttributes"), m.stringList("Tags"), m.stringListMap("Reports"), createAlert(m),
        m.stringList("OutputIds"), m.optString("Status"), tests, spec.runtime(), spec.version(null));
  }

  private static Severity severity(SpecMap m) {
    String text = m.string("Severity");
    Severity severity = Severity.parse(text);
    // Panther's schema takes only the exact spellings, so a pack Tarn accepts also passes panther_analysis_tool.
    if (severity == null || !severity.yamlName().equals(text)) {
      throw m.error("Severity", "invalid Severity '" + text + "'; use one of " + SEVERITIES
          + (severity == null ? "" : " (write it as " + severity.yamlName() + ")"));
    }
    return severity;
  }

  /**
   * A string, or a list of strings (panther-analysis has scheduled rules listing several URLs), joined one per line.
   */
  private static String reference(SpecMap m) {
    if (m.node("Reference") instanceof org.snakeyaml.engine.v2.nodes.SequenceNode) {
      return String.join("\n", m.stringList("Reference"));
    }
    return m.optString("Reference");
  }

  private static String displayName(SpecMap m, String id) {
    String name = m.optName("DisplayName");
    return name == null ? id : name;
  }

  private static boolean createAlert(SpecMap m) {
    Boolean value = m.optBool("CreateAlert");
    return value == null || value;
  }

  private static int positive(SpecMap m, String key, int fallback) {
    Integer value = m.optInt(key);
    if (value == null) {
      return fallback;
    }
    if (value < 1) {
      throw m.error(key, key + " must be at least 1, found " + value);
    }
    return value;
  }

  /** Type checks for keys Panther validates but Tarn does not keep. */
  private static void checkUnkeptKeys(SpecMap m) {
    m.optString("CreatedBy");
    m.optInteger("BaseVersion");
    m.optBool("OnlyUseBaseRiskScore");
  }
}
