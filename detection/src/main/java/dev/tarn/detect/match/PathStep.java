package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

/** One step of a key path: a field of an object, or a position in a list. */
public sealed interface PathStep {

  /**
   * A field of an object (a JSON object, a Spark struct or map). Looked up exactly first, then ignoring case, as
   * Panther's event wrapper does.
   */
  record Field(String name) implements PathStep {
    public Field {
      requireNonNull(name, "name is null");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A position in a list; negative positions count from the end ({@code -1} is the last element). Applied to an
   * object, it looks up the field named by the number's decimal text.
   */
  record Index(int index) implements PathStep {
    @Override
    public String toString() {
      return "[" + index + "]";
    }

    /** The field name this step stands for when applied to an object. */
    public String asFieldName() {
      return Integer.toString(index);
    }
  }
}
