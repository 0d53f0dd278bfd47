package dev.tarn.health;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.config.ConfigException;
import dev.tarn.config.HealthConfig;
import dev.tarn.ingest.LakeWrites;
import dev.tarn.lake.LakeTables;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Appends fired alarms to {@code tarn_system_errors.health} ({@link SystemFindings}), inserting only rows whose id
 * the table lacks: an evaluation re-run in the same minute adds nothing.
 */
public final class SystemFindingsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final LakeTables tables;
  private final HealthConfig config;

  public SystemFindingsWriter(SparkSession spark, LakeTables tables, HealthConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.tables = requireNonNull(tables, "tables is null");
    this.config = requireNonNull(config, "config is null");
    for (String id : config.severities().keySet()) {
      if (!SystemFindings.ALARM_IDS.contains(id)) {
        throw new ConfigException("health.severity: unknown alarm id '" + id + "' (alarm ids: "
            + SystemFindings.ALARM_IDS + ")");
      }
    }
  }

  /** Ensures the table exists and inserts the alarms' rows that are not there yet. */
  public void write(List<FiredAlarm> alarms, Instant evaluatedAt) {
    tables.ensure(SystemFindings.DATABASE, SystemFindings.TABLE, SystemFindings.SCHEMA, SystemFindings.DATE);
    if (alarms.isEmpty()) {
      return;
    }
    Date day = Date.valueOf(evaluatedAt.atZone(ZoneOffset.UTC).toLocalDate());
    List<String> ids = alarms.stream().map(a -> a.matchId(evaluatedAt)).toList();
    // A re-run finds its rows already there: a cheap read of today's partition spares it the MERGE.
    Set<String> present = new HashSet<>();
    spark.read().format("delta").load(tables.path(SystemFindings.DATABASE, SystemFindings.TABLE))
        .where(col(SystemFindings.DATE).equalTo(lit(day)).and(col(SystemFindings.ROW_ID).isin(ids.toArray())))
        .select(SystemFindings.ROW_ID).collectAsList().forEach(r -> present.add(r.getString(0)));
    List<Row> rows = new ArrayList<>();
    for (FiredAlarm alarm : alarms) {
      if (!present.contains(alarm.matchId(evaluatedAt))) {
        rows.add(row(alarm, evaluatedAt));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    // Still an insert-if-absent: a concurrent evaluation of the same minute may have written them since.
    new LakeWrites(spark, tables).insertAbsent(spark.createDataFrame(rows, SystemFindings.SCHEMA),
        SystemFindings.DATABASE, SystemFindings.TABLE);
  }

  /** The severity of an alarm: its {@code health.severity} entry, else its default. */
  public String severity(AlarmRule rule) {
    return config.severities().getOrDefault(rule.id(), rule.defaultSeverity());
  }

  Row row(FiredAlarm alarm, Instant evaluatedAt) {
    String id = alarm.matchId(evaluatedAt);
    Timestamp at = Timestamp.from(evaluatedAt);
    return RowFactory.create(
        SystemFindings.LOG_TYPE,
        at,
        Date.valueOf(evaluatedAt.atZone(ZoneOffset.UTC).toLocalDate()),
        id,
        alarm.rule().id(),
        SystemFindings.RULE_VERSION,
        id,
        at,
        alarm.title(),
        alarm.subject(),
        severity(alarm.rule()),
        json(alarm.context()),
        alarm.description(),
        null,
        alarm.rule().runbook(),
        null,
        alarm.rule().displayName(),
        List.of(SystemFindings.TAG),
        Map.of(),
        (int) config.dedupPeriod().toMinutes(),
        1,
        true,
        null);
  }

  private static String json(Map<String, Object> context) {
    try {
      return JSON.writeValueAsString(context);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an alarm's context as JSON: " + e.getOriginalMessage(), e);
    }
  }
}
