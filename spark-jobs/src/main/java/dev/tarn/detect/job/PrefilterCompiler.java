package dev.tarn.detect.job;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Compiles a derived pre-filter (from {@code PrefilterAnalyzer}) into a Spark condition with exactly Python's meaning on
 * the event detections see: a key is looked up exactly, then case-insensitively; a null column is an absent key, so
 * {@code get} gives its default; {@code ==} between different types is False; {@code !=} on an absent key is True.
 * Whatever cannot be given that exact meaning (JSON-text columns, timestamps, containers) is unknown: an unknown
 * conjunct of the top-level condition is dropped, anything else unknown makes its enclosing condition unknown. The
 * result is never null.
 */
final class PrefilterCompiler {
  private final StructType event;

  PrefilterCompiler(StructType event) {
    this.event = event;
  }

  /** A necessary condition, or empty when nothing usable remains. */
  Optional<Column> compile(JsonNode condition) {
    if (condition == null) {
      return Optional.empty();
    }
    if (condition.has("all")) {
      List<Column> known = new ArrayList<>();
      for (JsonNode part : condition.get("all")) {
        compile(part).ifPresent(known::add);
      }
      return known.stream().reduce(Column::and);
    }
    return exact(condition);
  }

  /**
   * The first top-level conjunct of {@code condition} that says a top-level text field is one of some strings:
   * {@code get(k) == "x"} or {@code get(k) in {...}} with no default, no transforms, on a string column.
   */
  static Optional<NativeConditions.Membership> membership(JsonNode condition, StructType event) {
    if (condition == null) {
      return Optional.empty();
    }
    List<JsonNode> conjuncts = new ArrayList<>();
    if (condition.has("all")) {
      condition.get("all").forEach(conjuncts::add);
    } else {
      conjuncts.add(condition);
    }
    for (JsonNode c : conjuncts) {
      String op = c.path("op").asText();
      JsonNode value = c.path("value");
      if (!(op.equals("eq") || op.equals("in")) || value.path("deep").asBoolean()
          || value.path("path").size() != 1 || !value.path("default").isNull()
          || !value.path("transforms").isEmpty()) {
        continue;
      }
      StructField field = field(event, value.path("path").get(0).asText());
      if (field == null || !(field.dataType() instanceof StringType)
          || field.metadata().contains(EventShape.RAW_JSON_METADATA)) {
        continue;
      }
      java.util.Set<String> values = new java.util.TreeSet<>();
      JsonNode literal = c.get("literal");
      for (JsonNode l : literal.isArray() ? literal : List.of(literal)) {
        if (!l.isTextual()) {
          values = null;
          break;
        }
        values.add(l.asText());
      }
      if (values != null) {
        return Optional.of(new NativeConditions.Membership(field.name(), values));
      }
    }
    return Optional.empty();
  }

  /** A condition equivalent to the node, or empty. */
  private Optional<Column> exact(JsonNode node) {
    if (node.has("all") || node.has("any")) {
      boolean all = node.has("all");
      List<Column> parts = new ArrayList<>();
      for (JsonNode part : node.get(all ? "all" : "any")) {
        Optional<Column> c = exact(part);
        if (c.isEmpty()) {
          return Optional.empty();
        }
        parts.add(c.get());
      }
      return parts.stream().reduce(all ? Column::and : Column::or);
    }
    String op = node.path("op").asText();
    if (op.equals("not")) {
      return exact(node.get("of")).map(org.apache.spark.sql.functions::not);
    }
    Lookup value = lookup(event, node.get("value"));
    if (value == null) {
      return Optional.empty();
    }
    JsonNode literal = node.get("literal");
    return switch (op) {
      case "eq" -> equal(value, literal);
      case "in" -> {
        List<Column> any = new ArrayList<>();
        for (JsonNode item : literal) {
          Optional<Column> c = equal(value, item);
          if (c.isEmpty()) {
            yield Optional.empty();
          }
          any.add(c.get());
        }
        yield Optional.of(any.stream().reduce(Column::or).orElse(lit(false)));
      }
      case "is_none" -> Optional.of(value.column == null ? lit(value.fallback.isNull())
          : when(value.column.isNull(), lit(value.fallback.isNull())).otherwise(lit(false)));
      case "truthy" -> truthy(value);
      case "startswith", "endswith", "contains" -> text(value, op, literal);
      default -> Optional.empty();
    };
  }

  private Optional<Column> equal(Lookup value, JsonNode literal) {
    boolean whenAbsent = pythonEquals(value.fallback, literal);
    if (value.column == null) {
      return Optional.of(lit(whenAbsent));
    }
    DataType type = value.type;
    Column present;
    if (literal.isNull()) {
      present = lit(false);
    } else if (type instanceof StringType) {
      present = literal.isTextual() ? value.column.equalTo(lit(literal.asText())) : lit(false);
    } else if (type instanceof BooleanType) {
      if (literal.isNumber()) {
        return Optional.empty(); // True == 1 in Python
      }
      present = literal.isBoolean() ? value.column.equalTo(lit(literal.asBoolean())) : lit(false);
    } else if (type instanceof NumericType) {
      if (literal.isBoolean()) {
        return Optional.empty();
      }
      present = literal.isNumber() ? value.column.equalTo(lit(literal.numberValue())) : lit(false);
    } else {
      return Optional.empty();
    }
    return Optional.of(when(value.column.isNull(), lit(whenAbsent)).otherwise(present));
  }

  private Optional<Column> truthy(Lookup value) {
    boolean whenAbsent = pythonTruthy(value.fallback);
    if (value.column == null) {
      return Optional.of(lit(whenAbsent));
    }
    Column present;
    if (value.type instanceof StringType) {
      present = value.column.notEqual(lit(""));
    } else if (value.type instanceof BooleanType) {
      present = value.column;
    } else if (value.type instanceof NumericType) {
      present = value.column.notEqual(lit(0));
    } else {
      return Optional.empty();
    }
    return Optional.of(when(value.column.isNull(), lit(whenAbsent)).otherwise(present));
  }

  private Optional<Column> text(Lookup value, String op, JsonNode literal) {
    if (!value.fallback.isTextual()) {
      return Optional.empty();
    }
    String fallback = value.fallback.asText();
    List<String> literals = new ArrayList<>();
    if (literal.isArray()) {
      literal.forEach(l -> literals.add(l.asText()));
    } else {
      literals.add(literal.asText());
    }
    boolean whenAbsent = literals.stream().anyMatch(l -> switch (op) {
      case "startswith" -> fallback.startsWith(l);
      case "endswith" -> fallback.endsWith(l);
      default -> fallback.contains(l);
    });
    if (value.column == null) {
      return Optional.of(lit(whenAbsent));
    }
    Column present;
    if (value.type instanceof StringType) {
      present = literals.stream().map(l -> switch (op) {
        case "startswith" -> value.column.startsWith(l);
        case "endswith" -> value.column.endsWith(l);
        default -> value.column.contains(l);
      }).reduce(Column::or).orElse(lit(false));
    } else if (op.equals("contains") && value.type instanceof ArrayType array
        && array.elementType() instanceof StringType) {
      present = array_contains(value.column, literals.get(0));
    } else {
      return Optional.empty();
    }
    return Optional.of(when(value.column.isNull(), lit(whenAbsent)).otherwise(present));
  }

  /** The column a lookup reads (null when the key cannot be present), its type and the lookup's default. */
  private record Lookup(Column column, DataType type, JsonNode fallback) {}

  private static Lookup lookup(StructType event, JsonNode value) {
    JsonNode fallback = value.get("default");
    List<String> path = new ArrayList<>();
    value.get("path").forEach(k -> path.add(k.asText()));
    StructType struct = event;
    Column column = null;
    DataType type = null;
    for (int i = 0; i < path.size(); i++) {
      StructField field = field(struct, path.get(i));
      if (field == null) {
        // The key is never present: the default, always.
        return transformed(new Lookup(null, null, fallback), value.path("transforms"));
      }
      if (field.metadata().contains(EventShape.RAW_JSON_METADATA)) {
        return null;
      }
      column = column == null ? col("`" + field.name() + "`") : column.getField(field.name());
      type = field.dataType();
      if (i < path.size() - 1) {
        if (!(type instanceof StructType next)) {
          return null; // deep_get through a list or a scalar: leave it to Python
        }
        struct = next;
      }
    }
    // Containers are wrapped objects and timestamps strings in a layout of their own: the operations reject those
    // types, so only null checks are compiled for them.
    return transformed(new Lookup(column, type, fallback), value.path("transforms"));
  }

  /**
   * Applies {@code str()}, {@code .lower()} and {@code .upper()} as Python does, for text columns (and keys that are
   * never present) only. Where Python would raise ({@code None.lower()}), no event could match on that path, so any
   * value serves; None is used.
   */
  private static Lookup transformed(Lookup lookup, JsonNode transforms) {
    if (transforms.isMissingNode() || transforms.isEmpty()) {
      return lookup;
    }
    if (lookup.column != null && !(lookup.type instanceof StringType)) {
      return null;
    }
    Column column = lookup.column;
    JsonNode fallback = lookup.fallback;
    for (JsonNode t : transforms) {
      switch (t.asText()) {
        case "str" -> {
          if (fallback == null || fallback.isNull()) {
            fallback = TextNode.valueOf("None");
          } else if (fallback.isBoolean()) {
            fallback = TextNode.valueOf(fallback.asBoolean() ? "True" : "False");
          } else if (!fallback.isTextual()) {
            return null; // str() of a number: Python's and Spark's renderings may differ
          }
        }
        case "lower", "upper" -> {
          boolean lower = t.asText().equals("lower");
          if (column != null) {
            column = lower ? org.apache.spark.sql.functions.lower(column)
                : org.apache.spark.sql.functions.upper(column);
          }
          fallback = fallback != null && fallback.isTextual()
              ? TextNode.valueOf(lower ? fallback.asText().toLowerCase(Locale.ROOT)
                  : fallback.asText().toUpperCase(Locale.ROOT))
              : NullNode.getInstance();
        }
        default -> {
          return null;
        }
      }
    }
    return new Lookup(column, column == null ? null : lookup.type, fallback);
  }

  /** PantherEvent: the exact key first, then a case-insensitive match (column names are unique ignoring case). */
  private static StructField field(StructType struct, String key) {
    for (StructField f : struct.fields()) {
      if (f.name().equals(key)) {
        return f;
      }
    }
    String lower = key.toLowerCase(Locale.ROOT);
    for (StructField f : struct.fields()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(lower)) {
        return f;
      }
    }
    return null;
  }

  static boolean pythonEquals(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || b == null || b.isNull()) {
      return (a == null || a.isNull()) && (b == null || b.isNull());
    }
    if (a.isTextual() || b.isTextual()) {
      return a.isTextual() && b.isTextual() && a.asText().equals(b.asText());
    }
    return number(a) == number(b);
  }

  private static double number(JsonNode n) {
    return n.isBoolean() ? (n.asBoolean() ? 1 : 0) : n.asDouble();
  }

  static boolean pythonTruthy(JsonNode n) {
    if (n == null || n.isNull()) {
      return false;
    }
    if (n.isTextual()) {
      return !n.asText().isEmpty();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asDouble() != 0;
  }
}
