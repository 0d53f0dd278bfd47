package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One cell of a notebook, numbered from 1 as Databricks shows them.
 *
 * @param number position in the notebook, from 1
 * @param kind SQL, markdown, or another language this runner does not execute
 * @param title the cell's Databricks title ({@code -- DBTITLE 1,...}), or null
 * @param text the cell's source without the {@code -- MAGIC} prefixes (markdown without its {@code %md} line)
 * @param statements the SQL statements to run, in order (widget declarations removed); empty for other kinds
 * @param chart how to draw the result, or null
 * @param requires tables that must exist for the cell to run ({@code -- requires: db.table, ...}); when one is
 *     missing the cell is skipped, not failed: bookkeeping tables such as {@code tarn_system.quarantine} appear only
 *     once there is something to record
 */
public record NotebookCell(int number, Kind kind, String title, String text, List<String> statements,
    ChartSpec chart, List<String> requires) {
  public enum Kind { SQL, MARKDOWN, OTHER }

  public NotebookCell {
    requireNonNull(kind, "kind is null");
    requireNonNull(text, "text is null");
    statements = List.copyOf(statements);
    requires = List.copyOf(requires);
  }
}
