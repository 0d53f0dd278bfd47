package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map_contains_key;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dev.tarn.detect.match.PathStep;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Follows a key path through a schema the way {@code EventPath} follows it through Java values: struct fields and map
 * keys exactly first, then ignoring case; list positions from the start or (negative) the end. A step the schema
 * cannot take makes the value {@link SparkOperand#MISSING}, so a rule naming an absent field compiles to constant
 * results instead of failing analysis.
 *
 * <p>Lookups are guarded by {@code size} and {@code map_contains_key} so they give null rather than an error under
 * ANSI mode ({@code try_element_at} and {@code get} would too, but Spark rewrites them eagerly, which fails on the
 * lambda variables of list comprehensions).
 */
final class SchemaPath {
  private SchemaPath() {}

  /** Where keys resolve: the row's top-level columns ({@code column} null), or a list element (a lambda variable). */
  record Scope(Column column, DataType type) {
    static Scope root(StructType schema) {
      return new Scope(null, schema);
    }

    static Scope element(Column variable, DataType elementType) {
      return new Scope(variable, elementType);
    }
  }

  static SparkOperand resolve(Scope scope, List<PathStep> path) {
    Column current = scope.column();
    DataType type = scope.type();
    for (int i = 0; i < path.size(); i++) {
      PathStep step = path.get(i);
      if (i == 0 && current == null) {
        StructField f = field((StructType) type, name(step));
        if (f == null) {
          return SparkOperand.MISSING;
        }
        current = col("`" + f.name().replace("`", "``") + "`");
        type = f.dataType();
        continue;
      }
      if (type instanceof StructType struct) {
        StructField f = field(struct, name(step));
        if (f == null) {
          return SparkOperand.MISSING;
        }
        current = current.getField(f.name());
        type = f.dataType();
      } else if (type instanceof MapType map && map.keyType() instanceof StringType) {
        current = mapValue(current, name(step));
        type = map.valueType();
      } else if (type instanceof ArrayType array && step instanceof PathStep.Index index) {
        int position = index.index() >= 0 ? index.index() + 1 : index.index(); // element_at counts from 1
        current = when(size(current).geq(Math.abs(position)), element_at(current, position));
        type = array.elementType();
      } else {
        return SparkOperand.MISSING;
      }
    }
    return SparkOperand.of(current, type);
  }

  private static String name(PathStep step) {
    return step instanceof PathStep.Field f ? f.name() : ((PathStep.Index) step).asFieldName();
  }

  /** The field named exactly {@code name}, else the first whose name matches ignoring case, else null. */
  static StructField field(StructType struct, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    StructField insensitive = null;
    for (StructField f : struct.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (insensitive == null && f.name().toLowerCase(Locale.ROOT).equals(lower)) {
        insensitive = f;
      }
    }
    return insensitive;
  }

  /** Bound once ({@link Let}): the map is used three times, and nested maps would multiply that. */
  private static Column mapValue(Column map, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Let.bind(map, m -> when(map_contains_key(m, name), element_at(m, lit(name)))
        .otherwise(Let.bind(map_values(map_filter(m, (k, v) -> lower(k).equalTo(lit(lower)))),
            matches -> when(size(matches).gt(0), element_at(matches, 1)))));
  }
}
