package dev.tarn.notebook;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints a notebook run to a terminal: each cell's first result rows as an aligned table, or its failure. */
public final class TextReport {
  private static final int MAX_WIDTH = 60;

  private TextReport() {}

  public static void print(NotebookRun run, int rows, PrintStream out) {
    for (CellOutcome outcome : run.outcomes()) {
      NotebookCell cell = outcome.cell();
      String title = cell.title() != null ? cell.title() : firstLine(cell.text());
      out.println("== [" + cell.number() + "] " + title);
      if (outcome.skipped() != null) {
        out.println("   skipped: " + outcome.skipped());
      } else if (outcome.failed()) {
        out.println("   FAILED: cell " + cell.number() + (outcome.failedStatement() == null ? ""
            : ", statement:\n" + indent(outcome.failedStatement())));
        out.println("   error:\n" + indent(outcome.error()));
      } else if (outcome.result() != null) {
        table(outcome.result(), rows, out);
      }
      out.println();
    }
    out.println(run.outcomes().size() + " cells, " + run.failures().size() + " failed"
        + (run.failures().isEmpty() ? "" : ": " + run.failures().stream()
            .map(f -> String.valueOf(f.cell().number())).reduce((a, b) -> a + ", " + b).orElse("")));
  }

  private static String firstLine(String text) {
    // Comment lines of a SQL cell are chart and requires hints, not a description of the cell.
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("--")).findFirst().orElse("")
        .replaceFirst("^#+\\s*", "");
  }

  private static String indent(String text) {
    return text.lines().map(l -> "     " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static void table(QueryResult result, int limit, PrintStream out) {
    List<String> columns = result.columns();
    List<List<String>> cells = new ArrayList<>();
    for (List<Object> row : result.rows().subList(0, Math.min(limit, result.rows().size()))) {
      cells.add(row.stream().map(v -> QueryResult.text(v).replace('\n', ' ')).toList());
    }
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).length();
      for (List<String> line : cells) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
      widths[i] = Math.min(widths[i], MAX_WIDTH);
    }
    out.println(line(columns, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    cells.forEach(l -> out.println(line(l, widths)));
    int kept = result.rows().size();
    out.println("(" + (cells.size() < kept || result.truncated()
        ? "showing " + cells.size() + " of " + kept + (result.truncated() ? "+" : "") + " rows" : kept + " rows")
        + ")");
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (cell.length() > widths[i]) {
        cell = cell.substring(0, widths[i] - 3) + "...";
      }
      line.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    return line.toString().stripTrailing();
  }
}
