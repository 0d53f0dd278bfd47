package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.DatabaseInput;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Brings the Glue Data Catalog in line with the lake, like Panther's gluesync: a missing database is created, a
 * missing table created, a table whose columns, partition keys, location or Delta parameters differ is updated, and
 * a table in sync is left alone (a run with nothing to do sends only reads). Tables Glue has and the lake does not
 * are left alone too: gluesync never deletes. A dry run reads and plans, and sends no writes.
 */
public final class GlueSync {
  private final GlueClient glue;
  private final String catalogId;

  /** @param catalogId the Glue catalog (AWS account id) to write to; null for the caller's account */
  public GlueSync(GlueClient glue, String catalogId) {
    this.glue = requireNonNull(glue, "glue is null");
    this.catalogId = catalogId;
  }

  /** Syncs each database and its tables; {@code progress} receives one line per change as it is made or planned. */
  public GlueSyncReport sync(List<GlueDatabaseDefinition> databases, boolean dryRun, Consumer<String> progress) {
    List<GlueChange> changes = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int inSync = 0;
    String prefix = dryRun ? "[dry run] " : "";
    for (GlueDatabaseDefinition database : databases) {
      boolean exists;
      String operation = "GetDatabase";
      try {
        exists = databaseExists(database.name());
        if (!exists) {
          GlueChange change = new GlueChange(GlueChange.Kind.CREATE_DATABASE, database.name(), null, List.of());
          operation = "CreateDatabase";
          if (!dryRun) {
            createDatabase(database);
          }
          changes.add(change);
          progress.accept(prefix + change.describe());
        }
      } catch (AwsServiceException e) {
        failures.add(GlueErrors.describe("sync database " + database.name(), operation, e));
        continue;
      }
      Map<String, Table> existing;
      try {
        existing = exists ? tables(database.name()) : Map.of();
      } catch (AwsServiceException e) {
        failures.add(GlueErrors.describe("list tables of " + database.name(), "GetTables", e));
        continue;
      }
      for (GlueTableDefinition table : database.tables()) {
        Table current = existing.get(table.name().toLowerCase(Locale.ROOT));
        GlueChange change;
        if (current == null) {
          change = new GlueChange(GlueChange.Kind.CREATE_TABLE, database.name(), table.name(), List.of(
              table.columns().size() + " columns" + (table.partitionKeys().isEmpty() ? ""
                  : ", partitioned by " + String.join(", ", table.partitionKeys().stream()
                      .map(GlueColumn::name).toList())) + ", at " + table.location()));
        } else {
          List<String> differences = table.differences(current);
          if (differences.isEmpty()) {
            inSync++;
            continue;
          }
          change = new GlueChange(GlueChange.Kind.UPDATE_TABLE, database.name(), table.name(), differences);
        }
        try {
          if (!dryRun) {
            apply(change, table, current);
          }
          changes.add(change);
          progress.accept(prefix + change.describe());
        } catch (AwsServiceException e) {
          failures.add(GlueErrors.describe(change.describe().replaceFirst(":.*", ""),
              change.kind() == GlueChange.Kind.CREATE_TABLE ? "CreateTable" : "UpdateTable", e));
        }
      }
    }
    return new GlueSyncReport(dryRun, changes, inSync, failures);
  }

  private boolean databaseExists(String name) {
    try {
      glue.getDatabase(r -> r.catalogId(catalogId).name(name));
      return true;
    } catch (EntityNotFoundException e) {
      return false;
    }
  }

  private void createDatabase(GlueDatabaseDefinition database) {
    glue.createDatabase(r -> r.catalogId(catalogId).databaseInput(DatabaseInput.builder()
        .name(database.name())
        .description("Tarn lake database " + database.name())
        .locationUri(database.locationUri())
        .build()));
  }

  /** The database's tables by lower-cased name (Glue's names are lower case). */
  private Map<String, Table> tables(String database) {
    Map<String, Table> out = new HashMap<>();
    for (GetTablesResponse page : glue.getTablesPaginator(r -> r.catalogId(catalogId).databaseName(database))) {
      for (Table t : page.tableList()) {
        out.put(t.name().toLowerCase(Locale.ROOT), t);
      }
    }
    return out;
  }

  private void apply(GlueChange change, GlueTableDefinition table, Table current) {
    switch (change.kind()) {
      case CREATE_TABLE -> glue.createTable(r -> r.catalogId(catalogId).databaseName(table.database())
          .tableInput(table.toTableInput(null)));
      case UPDATE_TABLE -> glue.updateTable(r -> r.catalogId(catalogId).databaseName(table.database())
          .tableInput(table.toTableInput(current)));
      default -> throw new IllegalArgumentException("not a table change: " + change.kind());
    }
  }
}
