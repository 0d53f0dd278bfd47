package dev.tarn.lake;

import static java.util.Objects.requireNonNull;

/**
 * Where things live under the lake root: one directory per database ({@code panther_logs/aws_cloudtrail}),
 * streaming checkpoints, and (locally) the embedded metastore.
 */
public record Lake(String root) {
  public static final String LOGS_DB = "panther_logs";
  public static final String SYSTEM_DB = "tarn_system";

  public Lake {
    requireNonNull(root, "root is null");
  }

  public String tablePath(String database, String table) {
    return root + "/" + database + "/" + table;
  }

  public String databasePath(String database) {
    return root + "/" + database;
  }

  public String checkpoint(String name) {
    return root + "/_checkpoints/" + name;
  }

  public boolean isLocal() {
    return !root.contains("://") || root.startsWith("file:");
  }
}
