package dev.tarn.logschema.infer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything seen at one place of the samples (a key of an object, or the elements of an array), merged over all
 * lines: how often each JSON kind occurred and, per kind, what is needed to pick a schema type.
 */
final class ValueProfile {
  long observed;
  long nulls;
  /** Values the decoder reads as absent: {@code ""}, {@code []}, {@code {}}. */
  long empties;
  long booleans;
  long integers;
  long floats;
  long strings;
  long objects;
  long arrays;

  /** Smallest and largest number seen, and of {@link StringShape#DIGITS} strings: for epoch units. */
  double minNumber = Double.POSITIVE_INFINITY;
  double maxNumber = Double.NEGATIVE_INFINITY;
  double minDigits = Double.POSITIVE_INFINITY;
  double maxDigits = Double.NEGATIVE_INFINITY;

  long nonEmptyStrings;
  long ipStrings;
  /** Shapes every non-empty string had; null until the first one. */
  Set<StringShape> shapes;

  /** For objects: the keys in order of first appearance. */
  final Map<String, ValueProfile> fields = new LinkedHashMap<>();
  /** For arrays: their elements, merged; null until the first element. */
  ValueProfile element;

  void add(JsonNode node) {
    observed++;
    switch (node.getNodeType()) {
      case NULL, MISSING -> nulls++;
      case BOOLEAN -> booleans++;
      case NUMBER -> addNumber(node);
      case STRING -> addString(node.textValue());
      case OBJECT -> {
        objects++;
        if (node.isEmpty()) {
          empties++;
        }
        node.fields().forEachRemaining(e -> fields.computeIfAbsent(e.getKey(), k -> new ValueProfile()).add(e.getValue()));
      }
      case ARRAY -> {
        arrays++;
        if (node.isEmpty()) {
          empties++;
        }
        for (JsonNode item : node) {
          if (element == null) {
            element = new ValueProfile();
          }
          element.add(item);
        }
      }
      default -> strings++; // binary and POJO nodes do not come out of a JSON parser
    }
  }

  private void addNumber(JsonNode node) {
    // Integers beyond 64 bits fit no integer column; a float keeps their magnitude.
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      integers++;
    } else {
      floats++;
    }
    double value = node.doubleValue();
    minNumber = Math.min(minNumber, value);
    maxNumber = Math.max(maxNumber, value);
  }

  private void addString(String text) {
    strings++;
    if (text.isEmpty()) {
      empties++;
      return;
    }
    nonEmptyStrings++;
    Set<StringShape> these = StringShape.of(text);
    if (these.contains(StringShape.IP)) {
      ipStrings++;
    }
    if (these.contains(StringShape.DIGITS)) {
      double value = Double.parseDouble(text);
      minDigits = Math.min(minDigits, value);
      maxDigits = Math.max(maxDigits, value);
    }
    if (shapes == null) {
      shapes = EnumSet.noneOf(StringShape.class);
      shapes.addAll(these);
    } else {
      shapes.retainAll(these);
    }
  }

  /** Non-null values seen. */
  long values() {
    return observed - nulls;
  }

  boolean allStrings(StringShape shape) {
    return nonEmptyStrings > 0 && shapes.contains(shape);
  }
}
