package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

/** A Delta table maintain works on: its name in the catalog and where its files are. */
public record TableRef(String database, String table, String path) {
  public TableRef {
    requireNonNull(database, "database is null");
    requireNonNull(table, "table is null");
    requireNonNull(path, "path is null");
  }

  public String name() {
    return database + "." + table;
  }
}
