package dev.tarn.detect.pack;

import java.util.Locale;

/** Panther's {@code AnalysisType} values that Tarn loads. */
public enum AnalysisType {
  RULE("rule"),
  SCHEDULED_RULE("scheduled_rule"),
  POLICY("policy"),
  CORRELATION_RULE("correlation_rule"),
  DATAMODEL("datamodel"),
  GLOBAL("global"),
  PACK("pack"),
  SAVED_QUERY("saved_query"),
  SCHEDULED_QUERY("scheduled_query"),
  LOOKUP_TABLE("lookup_table");

  private final String yamlName;

  AnalysisType(String yamlName) {
    this.yamlName = yamlName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** The type for a YAML {@code AnalysisType} value, or null when it is not one of Panther's. */
  public static AnalysisType fromYaml(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (AnalysisType t : values()) {
      if (t.yamlName.equals(v)) {
        return t;
      }
    }
    return null;
  }

  /** True for the types whose Python entry point Tarn calls per event or resource. */
  public boolean isDetection() {
    return this == RULE || this == SCHEDULED_RULE || this == POLICY;
  }
}
