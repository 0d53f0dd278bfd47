package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import dev.tarn.classify.StandardColumns;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Detection over one log table: turns a set of its rows (a streaming micro-batch or a replayed time range) into findings
 * rows and writes them to {@code panther_rule_matches.<table>} and {@code panther_rule_errors.<table>}.
 */
final class TableDetection {
  private final String table;
  private final String logType;
  private final DetectionPlan plan;
  private final DetectSettings settings;
  private final FindingsWriter writer;

  TableDetection(String table, String logType, DetectionPlan plan, DetectSettings settings, FindingsWriter writer) {
    this.table = requireNonNull(table, "table is null");
    this.logType = logType;
    this.plan = requireNonNull(plan, "plan is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.writer = requireNonNull(writer, "writer is null");
  }

  String table() {
    return table;
  }

  /** Runs the table's detections on {@code rows} and writes what they found. */
  Counts process(Dataset<Row> rows, EventShape shape) {
    StructType eventType = rows.schema();
    int width = eventType.fields().length;
    int rowIdIndex = Arrays.asList(eventType.fieldNames()).indexOf(StandardColumns.ROW_ID);
    StructType out = FindingColumns.findingsType(eventType).add(FindingRows.KIND_COLUMN, DataTypes.StringType, false);
    Dataset<Row> findings = plan.candidates(rows, shape)
        .mapPartitions(new FindingsFunction(settings, shape, logType, width, rowIdIndex,
            plan.simpleCheckedInTasks(shape.originalNames())), Encoders.row(out))
        .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      long matches = findings.where(col(FindingRows.KIND_COLUMN).equalTo(FindingRows.MATCH)).count();
      long errors = findings.where(col(FindingRows.KIND_COLUMN).equalTo(FindingRows.ERROR)).count();
      if (matches > 0) {
        writer.write(findings.where(col(FindingRows.KIND_COLUMN).equalTo(FindingRows.MATCH))
            .drop(FindingRows.KIND_COLUMN).drop(FindingColumns.RULE_ERROR), FindingColumns.MATCHES_DB, table);
      }
      if (errors > 0) {
        writer.write(findings.where(col(FindingRows.KIND_COLUMN).equalTo(FindingRows.ERROR))
            .drop(FindingRows.KIND_COLUMN), FindingColumns.ERRORS_DB, table);
      }
      return new Counts(matches, errors);
    } finally {
      findings.unpersist(false);
    }
  }

  /** What one run over a set of rows found. */
  record Counts(long matches, long errors) {
    Counts plus(Counts other) {
      return new Counts(matches + other.matches, errors + other.errors);
    }
  }
}
