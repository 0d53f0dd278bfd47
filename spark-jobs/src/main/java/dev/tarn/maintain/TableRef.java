package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import dev.tarn.lake.LakeInventory.LakeTable;

/** A Delta table maintain works on: its name in the catalog and where its files are. */
public record TableRef(String database, String table, String path) {
  public TableRef {
    requireNonNull(database, "database is null");
    requireNonNull(table, "table is null");
    requireNonNull(path, "path is null");
  }

  public static TableRef of(LakeTable table) {
    return new TableRef(table.database(), table.table(), table.path());
  }

  public String name() {
    return database + "." + table;
  }
}
