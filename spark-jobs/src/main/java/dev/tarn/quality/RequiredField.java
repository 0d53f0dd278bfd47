package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import dev.tarn.logschema.ColumnNames;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.logschema.ValueType;

/**
 * A field a log schema declares {@code required: true}, and how to check it on the table.
 *
 * <p>Ingest enforces {@code required} only where the enclosing object is present (an optional object may be absent
 * as a whole), so a nested field is checked with a SQL predicate that holds when any enclosing object or array
 * element is null: {@code actor IS NULL OR actor.name IS NOT NULL}, and {@code forall} over arrays of objects.
 *
 * @param path the field's path in the schema ({@code actor.name})
 * @param column the top-level column, when the field is one (checked with Deequ's isComplete); empty when nested
 * @param predicate a Spark SQL predicate every row must satisfy
 */
record RequiredField(String path, Optional<String> column, String predicate) {
  /** Definitions may refer to each other; ingest stops at the same depth. */
  private static final int MAX_DEPTH = 16;

  RequiredField {
    requireNonNull(path, "path is null");
    requireNonNull(column, "column is null");
    requireNonNull(predicate, "predicate is null");
  }

  /** Every required field of the schema, top-level ones first in schema order, each followed by its nested ones. */
  static List<RequiredField> of(LogSchema schema) {
    List<RequiredField> out = new ArrayList<>();
    collect(schema, schema.fields(), "", "", UnaryOperator.identity(), 0, out);
    return List.copyOf(out);
  }

  /**
   * @param objectExpr the SQL expression of the enclosing object ("" at the top level)
   * @param guard wraps a predicate on the enclosing object into one on the row
   */
  private static void collect(LogSchema schema, List<FieldSchema> fields, String pathPrefix, String objectExpr,
      UnaryOperator<String> guard, int depth, List<RequiredField> out) {
    for (FieldSchema f : fields) {
      String path = pathPrefix.isEmpty() ? f.name() : pathPrefix + "." + f.name();
      String column = ColumnNames.safe(f.name());
      String expr = objectExpr.isEmpty() ? quote(column) : objectExpr + "." + quote(column);
      if (f.required()) {
        out.add(new RequiredField(path, objectExpr.isEmpty() ? Optional.of(column) : Optional.empty(),
            guard.apply(expr + " IS NOT NULL")));
      }
      nested(schema, f.value(), path, expr, guard, depth, out);
    }
  }

  private static void nested(LogSchema schema, ValueSchema value, String path, String expr,
      UnaryOperator<String> guard, int depth, List<RequiredField> out) {
    if (depth >= MAX_DEPTH) {
      return;
    }
    ValueSchema v = resolve(schema, value, depth);
    if (v == null) {
      return;
    }
    if (v.type() == ValueType.OBJECT) {
      collect(schema, v.fields(), path, expr, inner -> guard.apply("(" + expr + " IS NULL OR (" + inner + "))"),
          depth + 1, out);
    } else if (v.type() == ValueType.ARRAY && v.element() != null) {
      String element = "e" + depth;
      nested(schema, v.element(), path, element,
          // The element's own null guard comes from the object (or array) branch it recurses into.
          inner -> guard.apply("(" + expr + " IS NULL OR forall(" + expr + ", " + element + " -> " + inner + "))"),
          depth + 1, out);
    }
  }

  /** Follows {@code ref} values to their definition; null when a reference does not resolve (ingest rejects it). */
  private static ValueSchema resolve(LogSchema schema, ValueSchema value, int depth) {
    ValueSchema v = value;
    for (int i = depth; v != null && v.type() == ValueType.REF && i < MAX_DEPTH; i++) {
      v = schema.definitions().get(v.target());
    }
    return v == null || v.type() == ValueType.REF ? null : v;
  }

  static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
