package dev.tarn.glue;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One change gluesync makes (or, in a dry run, would make) to the Glue Data Catalog.
 *
 * @param table the table, null for a database change
 * @param details what differs, for an update ({@code +col p_any_emails array<string>}); a summary for a create
 */
public record GlueChange(Kind kind, String database, String table, List<String> details) {
  public enum Kind { CREATE_DATABASE, CREATE_TABLE, UPDATE_TABLE }

  public GlueChange {
    requireNonNull(kind, "kind is null");
    requireNonNull(database, "database is null");
    details = List.copyOf(details);
  }

  /** One line, e.g. {@code update table panther_logs.custom_app: +col p_any_emails array<string>}. */
  public String describe() {
    String what = switch (kind) {
      case CREATE_DATABASE -> "create database " + database;
      case CREATE_TABLE -> "create table " + database + "." + table;
      case UPDATE_TABLE -> "update table " + database + "." + table;
    };
    return details.isEmpty() ? what : what + ": " + String.join(", ", details);
  }
}
