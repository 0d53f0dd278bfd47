package dev.tarn.detect.match;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The kinds of value the match semantics distinguish. The Java evaluator classifies runtime values; the Spark
 * compiler classifies column types the same way, which is what keeps the two engines in step.
 */
public enum ValueKind {
  /** Text; in Spark also timestamps and dates, compared by their text form. */
  STRING,
  /** Whole numbers (Java {@code Long}, {@code Integer}, …; Spark byte/short/int/long). */
  INTEGER,
  /** Other numbers (Java {@code Double}, {@code Float}, {@code BigDecimal}; Spark float/double/decimal). */
  DECIMAL,
  BOOLEAN,
  LIST,
  /** JSON objects: Java maps, Spark structs and maps. */
  OBJECT,
  /** Anything else (binary, …): never equal to anything, has no text. */
  OTHER;

  /** The kind of a JSON-like Java value; null for null. */
  public static ValueKind of(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String) {
      return STRING;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return INTEGER;
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? INTEGER : DECIMAL;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return DECIMAL;
    }
    if (value instanceof Boolean) {
      return BOOLEAN;
    }
    if (value instanceof List) {
      return LIST;
    }
    if (value instanceof Map) {
      return OBJECT;
    }
    return OTHER;
  }

  public boolean isNumber() {
    return this == INTEGER || this == DECIMAL;
  }

  /** Whether values of this kind have a text form for Contains/StartsWith/EndsWith. */
  public boolean hasText() {
    return this == STRING || this == INTEGER || this == DECIMAL || this == BOOLEAN;
  }
}
