package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

/**
 * One findings table on disk, e.g. {@code panther_rule_matches.aws_cloudtrail} at
 * {@code <lakeRoot>/panther_rule_matches/aws_cloudtrail}.
 *
 * @param name the table's name inside its database (a log-type table or {@code scheduled_<query>})
 * @param path the table's directory, as Delta Kernel resolves it (a local path or a Hadoop URI)
 */
public record FindingsTable(FindingKind kind, String name, String path) {

  public FindingsTable {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(path, "path is null");
  }

  /** {@code <database>.<name>}, e.g. {@code panther_rule_matches.aws_cloudtrail}. */
  public String qualifiedName() {
    return kind.database() + "." + name;
  }
}
