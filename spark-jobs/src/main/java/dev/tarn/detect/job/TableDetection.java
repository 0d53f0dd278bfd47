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

  /**
   * The findings of the table's detections on {@code rows}: the rows' columns, the findings columns and
   * {@link FindingRows#KIND_COLUMN} ({@code match} or {@code error}). Lazy.
   */
  Dataset<Row> findings(Dataset<Row> rows, EventShape shape) {
    StructType eventType = rows.schema();
    int width = eventType.fields().length;
    int rowIdIndex = Arrays.asList(eventType.fieldNames()).indexOf(StandardColumns.ROW_ID);
    StructType out = FindingColumns.findingsType(eventType).add(FindingRows.KIND_COLUMN, DataTypes.StringType, false);
    // The events left for Python are few but expensive: spread them over every core (a day's events are often one
    // file, so the scan's partitions are few and uneven).
    int slots = rows.sparkSession().sparkContext().defaultParallelism();
    return plan.candidates(rows, shape).repartition(2 * slots)
        .mapPartitions(new FindingsFunction(settings, shape, logType, width, rowIdIndex,
            plan.simpleCheckedInTasks(shape.originalNames())), Encoders.row(out));
  }

  /** Runs the table's detections on {@code rows} and writes what they found. */
  Counts process(Dataset<Row> rows, EventShape shape) {
    Dataset<Row> findings = findings(rows, shape).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      long matches = 0;
      long errors = 0;
      for (Row r : findings.groupBy(FindingRows.KIND_COLUMN).count().collectAsList()) {
        if (FindingRows.MATCH.equals(r.getString(0))) {
          matches = r.getLong(1);
        } else {
          errors = r.getLong(1);
        }
      }
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
  public record Counts(long matches, long errors) {
    Counts plus(Counts other) {
      return new Counts(matches + other.matches, errors + other.errors);
    }

    @Override
    public String toString() {
      return matches + " matches, " + errors + " rule errors";
    }
  }
}
