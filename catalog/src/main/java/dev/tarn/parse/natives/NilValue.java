package dev.tarn.parse.natives;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The "no value" convention of AWS and web access logs: a field written as {@code -} is absent. */
final class NilValue {
  static final String DASH = "-";

  private NilValue() {}

  static boolean isNil(String value) {
    return value == null || value.isEmpty() || DASH.equals(value);
  }

  /** Sets {@code field} unless the value is nil. */
  static void put(ObjectNode event, String field, String value) {
    if (!isNil(value)) {
      event.put(field, value);
    }
  }
}
