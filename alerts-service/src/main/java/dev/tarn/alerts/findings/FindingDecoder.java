package dev.tarn.alerts.findings;

import static dev.tarn.alerts.findings.FindingColumns.ALERT_CONTEXT;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_DEDUP;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_DESCRIPTION;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_DESTINATIONS;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_REFERENCE;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_RUNBOOK;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_SEVERITY;
import static dev.tarn.alerts.findings.FindingColumns.ALERT_TITLE;
import static dev.tarn.alerts.findings.FindingColumns.DATE;
import static dev.tarn.alerts.findings.FindingColumns.DEFAULT_CREATE_ALERT;
import static dev.tarn.alerts.findings.FindingColumns.DEFAULT_DEDUP_PERIOD_MINUTES;
import static dev.tarn.alerts.findings.FindingColumns.DEFAULT_THRESHOLD;
import static dev.tarn.alerts.findings.FindingColumns.DETECT_TIME;
import static dev.tarn.alerts.findings.FindingColumns.EVENT_TIME;
import static dev.tarn.alerts.findings.FindingColumns.LOG_TYPE;
import static dev.tarn.alerts.findings.FindingColumns.MATCH_ID;
import static dev.tarn.alerts.findings.FindingColumns.READ;
import static dev.tarn.alerts.findings.FindingColumns.RULE_CREATE_ALERT;
import static dev.tarn.alerts.findings.FindingColumns.RULE_DEDUP_PERIOD_MINUTES;
import static dev.tarn.alerts.findings.FindingColumns.RULE_DISPLAY_NAME;
import static dev.tarn.alerts.findings.FindingColumns.RULE_ERROR;
import static dev.tarn.alerts.findings.FindingColumns.RULE_ID;
import static dev.tarn.alerts.findings.FindingColumns.RULE_OUTPUT_IDS;
import static dev.tarn.alerts.findings.FindingColumns.RULE_REPORTS;
import static dev.tarn.alerts.findings.FindingColumns.RULE_TAGS;
import static dev.tarn.alerts.findings.FindingColumns.RULE_THRESHOLD;
import static dev.tarn.alerts.findings.FindingColumns.RULE_VERSION;
import static java.util.Objects.requireNonNull;

import dev.tarn.kernel.KernelValues;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.StructType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows read in {@link FindingColumns#READ} (those of them the table has) into {@link Finding}s. Columns a table
 * lacks read as null: {@code p_rule_output_ids} in tables written before it existed, {@code p_rule_error} in matches
 * tables, {@code p_event_time} / {@code p_log_type} in scheduled-query tables whose query returns none.
 */
final class FindingDecoder {
  private final FindingsTable table;
  private final Map<String, Integer> ordinals = new LinkedHashMap<>();

  FindingDecoder(FindingsTable table, StructType readSchema) {
    this.table = requireNonNull(table, "table is null");
    for (String name : READ) {
      int i = readSchema.indexOf(name);
      if (i >= 0) {
        ordinals.put(name, i);
      }
    }
  }

  /** The finding of one row, or null when it lacks a value the contract requires (match id, rule id, detect time). */
  Finding decode(ColumnarBatch batch, int row) {
    String matchId = string(batch, row, MATCH_ID);
    String ruleId = string(batch, row, RULE_ID);
    Instant detectTime = instant(batch, row, DETECT_TIME);
    if (matchId == null || ruleId == null || detectTime == null) {
      return null;
    }
    Integer dedupPeriod = integer(batch, row, RULE_DEDUP_PERIOD_MINUTES);
    Integer threshold = integer(batch, row, RULE_THRESHOLD);
    Object createAlert = value(batch, row, RULE_CREATE_ALERT);
    return new Finding(table.qualifiedName(), table.kind(), matchId, ruleId, string(batch, row, RULE_VERSION),
        string(batch, row, RULE_DISPLAY_NAME), detectTime, instant(batch, row, EVENT_TIME), date(batch, row),
        string(batch, row, LOG_TYPE), string(batch, row, ALERT_TITLE), string(batch, row, ALERT_DEDUP),
        string(batch, row, ALERT_SEVERITY), string(batch, row, ALERT_CONTEXT), string(batch, row, ALERT_DESCRIPTION),
        string(batch, row, ALERT_REFERENCE), string(batch, row, ALERT_RUNBOOK),
        strings(value(batch, row, ALERT_DESTINATIONS)), strings(value(batch, row, RULE_TAGS)),
        reports(value(batch, row, RULE_REPORTS)), strings(value(batch, row, RULE_OUTPUT_IDS)),
        dedupPeriod == null ? DEFAULT_DEDUP_PERIOD_MINUTES : dedupPeriod,
        threshold == null ? DEFAULT_THRESHOLD : threshold,
        createAlert instanceof Boolean b ? b : DEFAULT_CREATE_ALERT,
        string(batch, row, RULE_ERROR));
  }

  private Object value(ColumnarBatch batch, int row, String column) {
    Integer ordinal = ordinals.get(column);
    return ordinal == null ? null : KernelValues.value(batch.getColumnVector(ordinal), row);
  }

  private String string(ColumnarBatch batch, int row, String column) {
    Object v = value(batch, row, column);
    return v == null ? null : v.toString();
  }

  private Integer integer(ColumnarBatch batch, int row, String column) {
    return value(batch, row, column) instanceof Number n ? n.intValue() : null;
  }

  /** Timestamps; a scheduled query may return p_event_time as ISO-8601 text instead. */
  private Instant instant(ColumnarBatch batch, int row, String column) {
    Object v = value(batch, row, column);
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private LocalDate date(ColumnarBatch batch, int row) {
    return value(batch, row, DATE) instanceof LocalDate d ? d : null;
  }

  /** A list of strings; null stays null (for destinations it means "the rule's defaults"). */
  private static List<String> strings(Object v) {
    if (!(v instanceof List<?> list)) {
      return null;
    }
    List<String> out = new ArrayList<>(list.size());
    for (Object o : list) {
      if (o != null) {
        out.add(o.toString());
      }
    }
    return out;
  }

  private static Map<String, List<String>> reports(Object v) {
    if (!(v instanceof Map<?, ?> map)) {
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    map.forEach((k, values) -> {
      if (k != null) {
        List<String> list = strings(values);
        out.put(k.toString(), list == null ? List.of() : list);
      }
    });
    return out;
  }
}
