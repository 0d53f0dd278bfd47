package dev.tarn.detect.pack;

import java.util.Set;

/**
 * The keys Panther's tool allows per analysis type (its schemas reject any other key). Newer optional keys
 * ({@code Status}, {@code CreatedBy}, {@code BaseVersion}, …) are included so current panther-analysis loads.
 */
final class SpecKeys {
  private SpecKeys() {}

  static final Set<String> RULE = Set.of("AnalysisType", "Enabled", "Filename", "Detection", "RuleID", "LogTypes",
      "ScheduledQueries", "Severity", "Description", "DisplayName", "Reference", "Runbook", "CreatedBy",
      "DedupPeriodMinutes", "Threshold", "SummaryAttributes", "Tags", "Reports", "Status", "CreateAlert",
      "InlineFilters", "AlertTitle", "AlertContext", "DynamicSeverities", "GroupBy", "OnlyUseBaseRiskScore",
      "OutputIds", "BaseVersion", "Tests");

  static final Set<String> POLICY = Set.of("AnalysisType", "Enabled", "Filename", "PolicyID", "Severity",
      "ResourceTypes", "ActionDelaySeconds", "AutoRemediationID", "AutoRemediationParameters", "Suppressions",
      "OutputIds", "OnlyUseBaseRiskScore", "Description", "DisplayName", "Reference", "Runbook", "Tags", "Reports",
      "Status", "CreatedBy", "BaseVersion", "Tests");

  static final Set<String> CORRELATION_RULE = Set.of("AnalysisType", "RuleID", "Enabled", "Severity", "Detection",
      "Description", "DisplayName", "OnlyUseBaseRiskScore", "OutputIds", "CreatedBy", "Reference", "Runbook",
      "Status", "SummaryAttributes", "Tags", "Reports", "CreateAlert", "BaseVersion", "Tests");

  static final Set<String> RULE_TEST = Set.of("Name", "ExpectedResult", "Log", "Mocks", "LogType");
  static final Set<String> POLICY_TEST = Set.of("Name", "ExpectedResult", "Resource", "Mocks", "ResourceType");
  static final Set<String> CORRELATION_TEST = Set.of("Name", "ExpectedResult", "RuleOutputs");
  static final Set<String> MOCK = Set.of("objectName", "returnValue");
  static final Set<String> RULE_OUTPUT = Set.of("ID", "Matches");

  static final Set<String> DATAMODEL = Set.of("AnalysisType", "DataModelID", "Enabled", "LogTypes", "Mappings",
      "DisplayName", "Filename", "BaseVersion");
  static final Set<String> MAPPING = Set.of("Name", "Path", "Method");

  static final Set<String> GLOBAL = Set.of("AnalysisType", "Filename", "GlobalID", "Description", "Tags",
      "BaseVersion");

  static final Set<String> PACK = Set.of("AnalysisType", "PackID", "PackDefinition", "Description", "DisplayName");
  static final Set<String> PACK_DEFINITION = Set.of("IDs");

  static final Set<String> SAVED_QUERY = Set.of("AnalysisType", "QueryName", "Query", "AthenaQuery",
      "SnowflakeQuery", "DatabricksQuery", "PantherFlowQuery", "Description", "Tags", "Lookback",
      "LookbackWindowSeconds", "BaseVersion");
  static final Set<String> SCHEDULED_QUERY = Set.of("AnalysisType", "QueryName", "Enabled", "Query", "AthenaQuery",
      "SnowflakeQuery", "DatabricksQuery", "Schedule", "EmailConfig", "Description", "Tags", "Lookback",
      "LookbackWindowSeconds", "BaseVersion");
  static final Set<String> SCHEDULE = Set.of("CronExpression", "RateMinutes", "TimeoutMinutes");
  static final Set<String> EMAIL_CONFIG = Set.of("Recipients", "SendEmpty", "PreferAttachment");
}
