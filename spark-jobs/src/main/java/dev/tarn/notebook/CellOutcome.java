package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

/**
 * What running one cell gave: for a SQL cell its last statement's result (as Databricks shows a cell), and a chart
 * when the cell asks for one; or the failure, naming the statement that failed; or why the cell was not run.
 *
 * @param result the last statement's result, null when it failed or returned no columns
 * @param chart the chart's data, null when the cell has none or failed
 * @param failedStatement the statement that failed (null when the failure is the chart's, or none)
 * @param error the failure, or null
 * @param skipped why the cell was not run (a language other than SQL), or null
 */
public record CellOutcome(NotebookCell cell, QueryResult result, ChartData chart, String failedStatement,
    String error, String skipped) {
  public CellOutcome {
    requireNonNull(cell, "cell is null");
  }

  public boolean failed() {
    return error != null;
  }
}
