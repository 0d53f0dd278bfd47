package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

/** A column of a Glue table: its name and Glue type string. */
public record GlueColumn(String name, String type) {
  public GlueColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
