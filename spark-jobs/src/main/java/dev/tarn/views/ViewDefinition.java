package dev.tarn.views;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a union view will be: its {@code CREATE OR REPLACE VIEW} statement, its columns (sorted by name), the tables
 * it covers, and the columns whose type differed between tables with the type the view chose.
 */
public record ViewDefinition(UnionView view, String sql, List<String> columns, List<String> tables,
    List<String> coercions) {
  public ViewDefinition {
    requireNonNull(view, "view is null");
    requireNonNull(sql, "sql is null");
    columns = List.copyOf(columns);
    tables = List.copyOf(tables);
    coercions = List.copyOf(coercions);
  }
}
