package dev.tarn.logschema;

import static java.util.Objects.requireNonNull;

/** A named field of an object or of a whole log schema. */
public record FieldSchema(String name, String description, boolean required, ValueSchema value) implements java.io.Serializable {

  public FieldSchema {
    requireNonNull(name, "name is null");
    requireNonNull(value, "value is null");
  }
}
