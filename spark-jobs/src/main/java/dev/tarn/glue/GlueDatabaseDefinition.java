package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A database of the lake as Glue should have it: its location and its Delta tables. */
public record GlueDatabaseDefinition(String name, String locationUri, List<GlueTableDefinition> tables) {
  public GlueDatabaseDefinition {
    requireNonNull(name, "name is null");
    requireNonNull(locationUri, "locationUri is null");
    tables = List.copyOf(tables);
  }
}
