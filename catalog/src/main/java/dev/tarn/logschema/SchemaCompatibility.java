package dev.tarn.logschema;

import java.util.ArrayList;
import java.util.List;

/**
 * Panther's rule for updating a log type in place: fields may be added, but not removed (a rename is a removal)
 * and not given another type, because the table keeps every row written under earlier revisions.
 */
public final class SchemaCompatibility {
  private SchemaCompatibility() {}

  /** @return why {@code next} cannot replace {@code current}; empty when it can */
  public static List<String> problems(LogSchema current, LogSchema next) {
    List<String> problems = new ArrayList<>();
    if (!current.name().equals(next.name())) {
      problems.add("the log type name changed from " + current.name() + " to " + next.name());
    }
    fields(current, current.fields(), next, next.fields(), "", problems);
    return problems;
  }

  private static void fields(LogSchema currentSchema, List<FieldSchema> current, LogSchema nextSchema,
      List<FieldSchema> next, String prefix, List<String> problems) {
    for (FieldSchema field : current) {
      String path = prefix + field.name();
      FieldSchema match = next.stream().filter(f -> f.name().equals(field.name())).findFirst().orElse(null);
      if (match == null) {
        problems.add("field " + path + " was removed (fields cannot be removed or renamed; keep it and add the new one)");
        continue;
      }
      value(currentSchema, field.value(), nextSchema, match.value(), path, problems);
    }
  }

  private static void value(LogSchema currentSchema, ValueSchema current, LogSchema nextSchema, ValueSchema next,
      String path, List<String> problems) {
    ValueSchema a = resolve(currentSchema, current);
    ValueSchema b = resolve(nextSchema, next);
    if (a.type() != b.type()) {
      problems.add("field " + path + " changed type from " + a.type().schemaName() + " to " + b.type().schemaName()
          + " (types cannot change: existing rows hold " + a.type().schemaName() + ")");
      return;
    }
    switch (a.type()) {
      case OBJECT -> fields(currentSchema, a.fields(), nextSchema, b.fields(), path + ".", problems);
      case ARRAY -> value(currentSchema, a.element(), nextSchema, b.element(), path + "[]", problems);
      default -> { }
    }
  }

  private static ValueSchema resolve(LogSchema schema, ValueSchema value) {
    ValueSchema v = value;
    for (int depth = 0; v.type() == ValueType.REF && depth < 16; depth++) {
      v = schema.definitions().get(v.target());
    }
    return v;
  }
}
