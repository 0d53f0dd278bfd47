package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a gluesync run did (or, with {@code dryRun}, would do).
 *
 * @param changes the changes made or planned, in order
 * @param inSync tables already as the lake has them
 * @param failures one message per database or table that could not be synced, saying what to do
 */
public record GlueSyncReport(boolean dryRun, List<GlueChange> changes, int inSync, List<String> failures) {
  public GlueSyncReport {
    requireNonNull(changes, "changes is null");
    changes = List.copyOf(changes);
    failures = List.copyOf(failures);
  }

  public long count(GlueChange.Kind kind) {
    return changes.stream().filter(c -> c.kind() == kind).count();
  }

  /** e.g. {@code 1 database created, 2 tables created, 1 updated, 5 in sync, 0 failed}. */
  public String summary() {
    String verb = dryRun ? "to create" : "created";
    return (dryRun ? "dry run, nothing sent: " : "")
        + count(GlueChange.Kind.CREATE_DATABASE) + " database(s) " + verb + ", "
        + count(GlueChange.Kind.CREATE_TABLE) + " table(s) " + verb + ", "
        + count(GlueChange.Kind.UPDATE_TABLE) + (dryRun ? " to update, " : " updated, ")
        + inSync + " in sync, " + failures.size() + " failed";
  }
}
