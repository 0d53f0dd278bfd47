package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a notebook's SQL cells in order against the lake. Widget values are bound as named parameters
 * ({@code spark.sql(text, args)}), never pasted into the SQL text. A failing cell is recorded (which statement, the
 * error) and the run goes on with the next cell, so one report shows every problem; the caller decides the exit code.
 */
public final class NotebookRunner {
  private static final int MAX_ERROR_CHARS = 4000;

  private final SparkSession spark;
  private final int maxRows;

  /** {@code maxRows}: rows kept per cell for reports and charts. */
  public NotebookRunner(SparkSession spark, int maxRows) {
    this.spark = requireNonNull(spark, "spark is null");
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
    }
    this.maxRows = maxRows;
  }

  public NotebookRun run(Notebook notebook, Map<String, String> params) {
    Map<String, String> values = notebook.parameterValues(params);
    List<CellOutcome> outcomes = new ArrayList<>();
    for (NotebookCell cell : notebook.cells()) {
      outcomes.add(switch (cell.kind()) {
        case MARKDOWN -> new CellOutcome(cell, null, null, null, null, null);
        case OTHER -> new CellOutcome(cell, null, null, null, null, "not SQL: only SQL and markdown cells run here");
        case SQL -> runSql(notebook, cell, values);
      });
    }
    return new NotebookRun(notebook, values, outcomes);
  }

  private CellOutcome runSql(Notebook notebook, NotebookCell cell, Map<String, String> values) {
    for (String table : cell.requires()) {
      if (!spark.catalog().tableExists(table)) {
        return new CellOutcome(cell, null, null, null, null, "table " + table + " does not exist (yet)");
      }
    }
    QueryResult result = null;
    for (String statement : cell.statements()) {
      Set<String> markers = SqlText.parameterMarkers(statement);
      Map<String, Object> args = new LinkedHashMap<>();
      for (String marker : markers) {
        if (!values.containsKey(marker)) {
          return new CellOutcome(cell, null, null, statement, "parameter :" + marker + " is not declared by a "
              + "CREATE WIDGET in this notebook (" + (values.isEmpty() ? "it has none" : "its widgets: "
              + notebook.widgetNames()) + ")", null);
        }
        args.put(marker, values.get(marker));
      }
      try {
        Dataset<Row> frame = args.isEmpty() ? spark.sql(statement) : spark.sql(statement, args);
        result = frame.columns().length == 0 ? null : collect(frame);
      } catch (Exception e) {
        return new CellOutcome(cell, null, null, statement, message(e), null);
      }
    }
    if (cell.chart() == null || result == null) {
      return new CellOutcome(cell, result, null, null,
          cell.chart() == null ? null : "chart: the cell's last statement returns no result to draw", null);
    }
    try {
      return new CellOutcome(cell, result, ChartData.of(cell.chart(), result), null, null, null);
    } catch (NotebookException e) {
      return new CellOutcome(cell, result, null, null, e.getMessage(), null);
    }
  }

  private QueryResult collect(Dataset<Row> frame) {
    List<Row> rows = frame.limit(maxRows + 1).collectAsList();
    List<List<Object>> out = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(maxRows, rows.size()))) {
      List<Object> values = new ArrayList<>(row.length());
      for (int i = 0; i < row.length(); i++) {
        values.add(plain(row.isNullAt(i) ? null : row.get(i)));
      }
      out.add(values);
    }
    return new QueryResult(List.of(frame.columns()), out, rows.size() > maxRows);
  }

  /** Numbers and booleans stay as they are (charts need numbers); anything else becomes its text. */
  static Object plain(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return map.mkString("{", ", ", "}");
    }
    return String.valueOf(value);
  }

  private static String message(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "..." : message;
  }
}
