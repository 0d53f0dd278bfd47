package dev.tarn.views;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a union view's SQL from its tables' schemas, with Panther's semantics: UNION ALL over every table selecting
 * only the {@code p_*} columns (the partition column p_date is one of them), a literal {@code p_db_name}, and
 * {@code CAST(NULL AS <type>)} for a column a table lacks; columns sorted by name. The standard columns are always
 * there, even when no table has them, so a query naming p_any_emails works whichever tables exist.
 */
final class UnionViewSql {
  static final String DB_NAME = "p_db_name";
  private static final String PREFIX = "p_";

  private UnionViewSql() {}

  /**
   * @param tables table name → schema, of the tables of {@code view.sourceDatabase()}
   * @param standard the columns every view has
   */
  static ViewDefinition define(UnionView view, Map<String, StructType> tables, List<StructField> standard) {
    requireNonNull(view, "view is null");
    SortedMap<String, StructType> sorted = new TreeMap<>(tables);
    SortedMap<String, DataType> types = new TreeMap<>();
    Map<String, Map<String, DataType>> seen = new TreeMap<>();
    for (Map.Entry<String, StructType> table : sorted.entrySet()) {
      for (StructField field : table.getValue().fields()) {
        if (!field.name().startsWith(PREFIX) || field.name().equals(DB_NAME)) {
          continue;
        }
        types.merge(field.name(), field.dataType(), CommonType::of);
        seen.computeIfAbsent(field.name(), k -> new LinkedHashMap<>()).put(table.getKey(), field.dataType());
      }
    }
    for (StructField field : standard) {
      types.putIfAbsent(field.name(), field.dataType());
    }
    List<String> coercions = new ArrayList<>();
    seen.forEach((column, byTable) -> {
      if (byTable.values().stream().map(DataType::catalogString).distinct().count() > 1) {
        coercions.add(column + ": " + byTable.entrySet().stream()
            .map(e -> e.getValue().catalogString() + " in " + e.getKey()).collect(Collectors.joining(", "))
            + " -> " + types.get(column).catalogString());
      }
    });
    List<String> columns = new ArrayList<>(types.keySet());
    columns.add(DB_NAME);
    columns.sort(null);

    List<String> selects = new ArrayList<>();
    for (Map.Entry<String, StructType> table : sorted.entrySet()) {
      selects.add(select(view, columns, types, table.getValue())
          + " FROM " + quote(view.sourceDatabase()) + "." + quote(table.getKey()));
    }
    if (selects.isEmpty()) {
      selects.add(select(view, columns, types, new StructType()) + " WHERE false");
    }
    String sql = "CREATE OR REPLACE VIEW " + quote(view.viewDatabase()) + "." + quote(view.viewName()) + " AS\n"
        + String.join("\nUNION ALL\n", selects);
    return new ViewDefinition(view, sql, columns, List.copyOf(sorted.keySet()), coercions);
  }

  private static String select(UnionView view, List<String> columns, Map<String, DataType> types, StructType table) {
    Map<String, DataType> own = new LinkedHashMap<>();
    for (StructField field : table.fields()) {
      own.put(field.name(), field.dataType());
    }
    List<String> items = new ArrayList<>();
    for (String column : columns) {
      if (column.equals(DB_NAME)) {
        items.add("'" + view.sourceDatabase().replace("'", "\\'") + "' AS " + quote(DB_NAME));
        continue;
      }
      DataType type = types.get(column);
      DataType has = own.get(column);
      if (has == null) {
        items.add("CAST(NULL AS " + type.sql() + ") AS " + quote(column));
      } else if (has.catalogString().equals(type.catalogString())) {
        items.add(quote(column));
      } else {
        items.add("CAST(" + quote(column) + " AS " + type.sql() + ") AS " + quote(column));
      }
    }
    return "SELECT " + String.join(", ", items);
  }

  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }
}
