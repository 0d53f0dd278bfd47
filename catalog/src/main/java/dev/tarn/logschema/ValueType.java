package dev.tarn.logschema;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The value types of Panther's log-schema format. */
public enum ValueType {
  STRING,
  OBJECT,
  ARRAY,
  JSON,
  INT,
  SMALLINT,
  BIGINT,
  FLOAT,
  BOOLEAN,
  TIMESTAMP,
  REF;

  public String schemaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ValueType forName(String name) {
    for (ValueType type : values()) {
      if (type.schemaName().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown type '" + name + "' (expected one of "
            + Arrays.stream(values()).map(ValueType::schemaName).collect(Collectors.joining(", ")) + ")");
  }
}
