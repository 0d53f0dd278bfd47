package dev.tarn.quality;

import static dev.tarn.quality.DeequInterop.list;
import static dev.tarn.quality.DeequInterop.none;
import static dev.tarn.quality.RequiredField.quote;

import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel;
import dev.tarn.classify.StandardColumns;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.logschema.LogSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The checks Tarn runs on one table's partition: the standard columns are complete, the row key is unique, every
 * row carries the table's log type, indicator arrays are well-formed, and the fields the log schema requires are
 * present.
 */
final class TableChecks {
  static final String INDICATOR_PREFIX = "p_any_";

  private TableChecks() {}

  /**
   * @param columns the table's columns (indicator columns are taken from them: a table has only the p_any columns its
   *     log type can fill)
   * @param logSchema the table's log type; empty when the registry has none for the table (its checks are skipped)
   */
  static List<QualityCheck> plan(StructType columns, TableKind kind, Optional<LogSchema> logSchema) {
    List<QualityCheck> checks = new ArrayList<>();
    checks.add(complete(StandardColumns.EVENT_TIME));
    if (kind == TableKind.LOGS) {
      checks.add(complete(StandardColumns.ROW_ID));
      checks.add(unique(StandardColumns.ROW_ID));
    } else {
      checks.add(complete(FindingColumns.MATCH_ID));
      checks.add(unique(FindingColumns.MATCH_ID));
      checks.add(complete(FindingColumns.RULE_ID));
    }
    logSchema.ifPresent(schema -> checks.add(logType(schema.name())));
    for (StructField field : columns.fields()) {
      if (field.name().startsWith(INDICATOR_PREFIX) && field.dataType() instanceof ArrayType) {
        checks.add(indicatorArray(field.name()));
      }
    }
    logSchema.ifPresent(schema -> {
      for (RequiredField required : RequiredField.of(schema)) {
        checks.add(required(required));
      }
    });
    return List.copyOf(checks);
  }

  static QualityCheck complete(String column) {
    String name = column + " complete";
    return new QualityCheck(name, check(name).isComplete(column, none(), none()));
  }

  static QualityCheck unique(String column) {
    String name = column + " unique";
    return new QualityCheck(name, check(name).isUnique(column, none(), none()));
  }

  static QualityCheck logType(String logType) {
    String name = "p_log_type is " + logType;
    return satisfies(name, quote(StandardColumns.LOG_TYPE) + " = '" + logType.replace("'", "''") + "'",
        StandardColumns.LOG_TYPE);
  }

  /** No null or empty element, no duplicates (Panther's indicator fields are sets of non-empty strings). */
  static QualityCheck indicatorArray(String column) {
    String c = quote(column);
    return satisfies(column + " well-formed", c + " IS NULL OR (NOT exists(" + c + ", v -> v IS NULL OR v = '')"
        + " AND size(array_distinct(" + c + ")) = size(" + c + "))", column);
  }

  static QualityCheck required(RequiredField field) {
    String name = "required field " + field.path() + " present";
    if (field.column().isPresent()) {
      return new QualityCheck(name, check(name).isComplete(field.column().get(), none(), none()));
    }
    return satisfies(name, field.predicate(), field.path());
  }

  private static QualityCheck satisfies(String name, String predicate, String constraintName) {
    // Compliance is the fraction of rows where the predicate is true (null counts as false): all rows must pass.
    return new QualityCheck(name, check(name).satisfies(predicate, constraintName, fraction -> (Double) fraction == 1.0,
        none(), list(List.of()), none()));
  }

  private static Check check(String name) {
    return new Check(CheckLevel.Error(), name, DeequInterop.seq(List.of()));
  }
}
