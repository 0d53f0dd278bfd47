package dev.tarn.detect.pack;

import java.util.List;

/** Reads {@code saved_query} and {@code scheduled_query} specs. */
final class QueryReader {
  /** Where the SQL may be; the first present wins. Databricks SQL is the closest to Spark SQL. */
  private static final List<String> SQL_KEYS =
      List.of("Query", "DatabricksQuery", "SnowflakeQuery", "AthenaQuery", "PantherFlowQuery");

  private QueryReader() {}

  static QueryDefinition read(SpecFile spec, AnalysisType type) {
    SpecMap m = spec.root();
    boolean scheduled = type == AnalysisType.SCHEDULED_QUERY;
    m.allowOnly(scheduled ? SpecKeys.SCHEDULED_QUERY : SpecKeys.SAVED_QUERY, "a " + type.yamlName());
    String name = m.id("QueryName");
    boolean enabled = !scheduled || m.bool("Enabled");
    String sql = null;
    for (String key : SQL_KEYS) {
      String text = m.optString(key);
      if (sql == null && text != null) {
        sql = text;
      }
    }
    if (sql == null) {
      throw m.error("Query", "missing Query (the SQL text of the query); add it");
    }
    QueryDefinition.Schedule schedule = scheduled ? schedule(m) : null;
    if (scheduled && m.has("EmailConfig")) {
      SpecMap email = m.map("EmailConfig", "Recipients, SendEmpty and PreferAttachment");
      email.allowOnly(SpecKeys.EMAIL_CONFIG, "EmailConfig");
      email.requiredStringList("Recipients");
      email.optBool("SendEmpty");
      email.optBool("PreferAttachment");
    }
    m.optInteger("BaseVersion");
    Boolean lookback = m.optBool("Lookback");
    return new QueryDefinition(type, name, enabled, sql, m.optString("Description"), m.stringList("Tags"), schedule,
        lookback != null && lookback, m.optInt("LookbackWindowSeconds"), spec.file());
  }

  private static QueryDefinition.Schedule schedule(SpecMap m) {
    SpecMap s = m.map("Schedule", "CronExpression or RateMinutes, and TimeoutMinutes");
    s.allowOnly(SpecKeys.SCHEDULE, "Schedule");
    String kind = s.exactlyOne("CronExpression", "RateMinutes",
        "a schedule runs on a cron expression or every RateMinutes minutes");
    s.require("TimeoutMinutes");
    int timeout = s.optInt("TimeoutMinutes");
    if (timeout < 1) {
      throw s.error("TimeoutMinutes", "Schedule.TimeoutMinutes must be at least 1, found " + timeout);
    }
    if (kind.equals("CronExpression")) {
      String cron = s.string("CronExpression");
      if (cron.isBlank()) {
        throw s.error("CronExpression",
            "Schedule.CronExpression is empty; write a cron expression such as '0 * * * *'");
      }
      return new QueryDefinition.Schedule(cron, null, timeout);
    }
    Integer rate = s.optInt("RateMinutes");
    if (rate <= 1) {
      throw s.error("RateMinutes", "Schedule.RateMinutes must be greater than 1, found " + rate);
    }
    if (rate < timeout) {
      throw s.error("RateMinutes", "Schedule.RateMinutes (" + rate + ") must be at least TimeoutMinutes (" + timeout
          + "): a run must end before the next one starts");
    }
    return new QueryDefinition.Schedule(null, rate, timeout);
  }
}
