package dev.tarn.notebook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first rows of a cell's result, as plain values: numbers and booleans as they are, null, and everything else
 * (timestamps, arrays, maps, structs) as its text.
 *
 * @param truncated whether the result had more rows than were kept
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {
  public QueryResult {
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>();
    // Rows may hold nulls, which List.copyOf refuses.
    rows.forEach(r -> copy.add(Collections.unmodifiableList(new ArrayList<>(r))));
    rows = Collections.unmodifiableList(copy);
  }

  public int columnIndex(String name) {
    return columns.indexOf(name);
  }

  /** A value as text for tables: null as NULL, timestamps as ISO instants. */
  public static String text(Object value) {
    return value == null ? "NULL" : String.valueOf(value);
  }
}
