package dev.tarn.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQL notebook in Databricks source format: the header line {@code -- Databricks notebook source}, cells
 * separated by {@code -- COMMAND ----------} lines, {@code -- MAGIC}-prefixed cells for other languages
 * ({@code %md} is markdown), {@code -- DBTITLE 1,<title>} cell titles, and {@code CREATE WIDGET} statements.
 */
public final class NotebookParser {
  static final String HEADER = "-- Databricks notebook source";
  static final String SEPARATOR = "-- COMMAND ----------";
  private static final String MAGIC = "-- MAGIC";
  private static final Pattern TITLE = Pattern.compile("^-- DBTITLE \\d+,(.*)$");
  private static final Pattern WIDGET = Pattern.compile(
      "(?is)^CREATE\\s+WIDGET\\s+(TEXT|DROPDOWN|COMBOBOX|MULTISELECT)\\s+(\\w+|`[^`]+`)\\s+DEFAULT\\s+"
          + "('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")(\\s+CHOICES\\s+.*)?$");
  static final String REQUIRES = "-- requires:";
  private static final Pattern TABLE_NAME = Pattern.compile("\\w+(\\.\\w+){0,2}");
  private static final Pattern REMOVE_WIDGET = Pattern.compile("(?is)^REMOVE\\s+WIDGET\\s+\\S+$");

  private NotebookParser() {}

  /** Parses {@code source}; {@code name} (usually the file name) appears in error messages. */
  public static Notebook parse(String name, String source) {
    List<String> lines = source.replace("\r\n", "\n").lines().toList();
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new NotebookException(name + ": not a Databricks notebook source file (its first line must be '"
          + HEADER + "')");
    }
    List<List<String>> chunks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.strip().equals(SEPARATOR)) {
        chunks.add(current);
        current = new ArrayList<>();
      } else {
        current.add(line);
      }
    }
    chunks.add(current);
    List<NotebookCell> cells = new ArrayList<>();
    Map<String, Widget> widgets = new LinkedHashMap<>();
    for (List<String> chunk : chunks) {
      if (chunk.stream().allMatch(String::isBlank)) {
        continue;
      }
      cells.add(cell(name, cells.size() + 1, chunk, widgets));
    }
    return new Notebook(name, cells, List.copyOf(widgets.values()));
  }

  private static NotebookCell cell(String name, int number, List<String> chunk, Map<String, Widget> widgets) {
    String where = name + " cell " + number;
    String title = null;
    List<String> body = new ArrayList<>();
    for (String line : chunk) {
      Matcher t = TITLE.matcher(line.strip());
      if (t.matches()) {
        title = t.group(1).strip();
      } else {
        body.add(line);
      }
    }
    boolean magic = body.stream().anyMatch(l -> !l.isBlank())
        && body.stream().filter(l -> !l.isBlank()).allMatch(l -> l.startsWith(MAGIC));
    if (magic) {
      List<String> text = body.stream().filter(l -> !l.isBlank())
          .map(l -> l.substring(MAGIC.length()).startsWith(" ") ? l.substring(MAGIC.length() + 1)
              : l.substring(MAGIC.length()))
          .toList();
      String first = text.get(0).strip();
      String rest = String.join("\n", text.subList(1, text.size()));
      if (first.startsWith("%md")) {
        String inline = first.substring(3).strip();
        return new NotebookCell(number, NotebookCell.Kind.MARKDOWN, title,
            inline.isEmpty() ? rest : inline + "\n" + rest, List.of(), null, List.of());
      }
      if (first.equals("%sql")) {
        return sqlCell(where, number, title, rest, widgets);
      }
      return new NotebookCell(number, NotebookCell.Kind.OTHER, title, String.join("\n", text), List.of(), null,
          List.of());
    }
    return sqlCell(where, number, title, String.join("\n", body).strip(), widgets);
  }

  private static NotebookCell sqlCell(String where, int number, String title, String sql,
      Map<String, Widget> widgets) {
    ChartSpec chart = null;
    List<String> requires = new ArrayList<>();
    for (String line : sql.lines().toList()) {
      if (line.strip().startsWith(REQUIRES)) {
        for (String table : line.strip().substring(REQUIRES.length()).split(",")) {
          if (!TABLE_NAME.matcher(table.strip()).matches()) {
            throw new NotebookException(where + ": '" + table.strip() + "' in '" + REQUIRES + "' is not a table name "
                + "(expected e.g. '" + REQUIRES + " tarn_system.quarantine, panther_views.all_logs')");
          }
          requires.add(table.strip());
        }
      }
      if (line.strip().startsWith(ChartSpec.PREFIX)) {
        if (chart != null) {
          throw new NotebookException(where + ": more than one '" + ChartSpec.PREFIX + "' line (one chart per cell)");
        }
        chart = ChartSpec.parse(line.strip().substring(ChartSpec.PREFIX.length()), where);
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : SqlText.statements(sql)) {
      String code = withoutLeadingComments(statement);
      Matcher w = WIDGET.matcher(code);
      if (w.matches()) {
        String widget = w.group(2).replace("`", "");
        widgets.put(widget, new Widget(widget, unquote(w.group(3))));
      } else if (!REMOVE_WIDGET.matcher(code).matches()) {
        statements.add(statement);
      }
    }
    return new NotebookCell(number, NotebookCell.Kind.SQL, title, sql, statements, chart, requires);
  }

  private static String withoutLeadingComments(String statement) {
    String rest = statement.strip();
    while (rest.startsWith("--")) {
      int eol = rest.indexOf('\n');
      rest = eol < 0 ? "" : rest.substring(eol + 1).strip();
    }
    return rest;
  }

  /** The value of a SQL string literal: quotes removed, backslash escapes resolved. */
  private static String unquote(String literal) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length() - 1) {
        char next = literal.charAt(++i);
        out.append(switch (next) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
