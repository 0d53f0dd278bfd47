package dev.tarn.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Prints query results as an aligned table, CSV or JSON lines, at most {@code limit} rows. */
final class ResultPrinter {
  enum Format { TABLE, CSV, JSON }

  private ResultPrinter() {}

  static void print(Dataset<Row> result, Format format, int limit, PrintStream out) {
    if (format == Format.JSON) {
      result.toJSON().limit(limit).collectAsList().forEach(out::println);
      return;
    }
    String[] columns = result.columns();
    List<Row> rows = result.limit(limit + 1).collectAsList();
    boolean truncated = rows.size() > limit;
    List<String[]> cells = new ArrayList<>();
    for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
      String[] line = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        line[i] = row.isNullAt(i) ? (format == Format.CSV ? "" : "NULL") : render(row.get(i));
      }
      cells.add(line);
    }
    if (format == Format.CSV) {
      out.println(csvLine(columns));
      cells.forEach(line -> out.println(csvLine(line)));
      return;
    }
    int[] widths = new int[columns.length];
    for (int i = 0; i < columns.length; i++) {
      widths[i] = columns[i].length();
      for (String[] line : cells) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
      widths[i] = Math.min(widths[i], 80);
    }
    out.println(tableLine(columns, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.println(rule);
    cells.forEach(line -> out.println(tableLine(line, widths)));
    out.println("(" + cells.size() + (truncated ? "+ rows, showing the first " + limit : " rows") + ")");
  }

  private static String render(Object value) {
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return seq.mkString("[", ", ", "]");
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      return map.mkString("{", ", ", "}");
    }
    return String.valueOf(value);
  }

  private static String tableLine(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i].replace('\n', ' ');
      if (cell.length() > widths[i]) {
        cell = cell.substring(0, widths[i] - 3) + "...";
      }
      line.append(i == 0 ? "" : " | ").append(cell).append(" ".repeat(widths[i] - cell.length()));
    }
    return line.toString().stripTrailing();
  }

  private static String csvLine(String[] cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        cell = "\"" + cell.replace("\"", "\"\"") + "\"";
      }
      line.append(i == 0 ? "" : ",").append(cell);
    }
    return line.toString();
  }
}
