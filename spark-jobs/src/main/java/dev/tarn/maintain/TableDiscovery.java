package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import dev.tarn.detect.job.FindingColumns;
import dev.tarn.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds the Delta tables Tarn owns from the lake's directories ({@code <lake>/<database>/<table>/_delta_log}), so
 * tables are found whichever catalog the session uses, and a table named on the command line is checked to exist.
 */
public final class TableDiscovery {
  /** The databases whose tables maintain looks after by default. */
  public static final List<String> DATABASES =
      List.of(Lake.LOGS_DB, FindingColumns.MATCHES_DB, FindingColumns.ERRORS_DB, Lake.SYSTEM_DB);

  private final Lake lake;
  private final Configuration hadoop;

  public TableDiscovery(Lake lake, Configuration hadoop) {
    this.lake = requireNonNull(lake, "lake is null");
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
  }

  /** Every Delta table under Tarn's databases, sorted by name. */
  public List<TableRef> all() {
    List<TableRef> tables = new ArrayList<>();
    for (String database : DATABASES) {
      Path dir = new Path(lake.databasePath(database));
      try {
        FileSystem fs = dir.getFileSystem(hadoop);
        if (!fs.exists(dir)) {
          continue;
        }
        for (FileStatus child : fs.listStatus(dir)) {
          if (child.isDirectory() && fs.exists(new Path(child.getPath(), "_delta_log"))) {
            String table = child.getPath().getName();
            tables.add(new TableRef(database, table, lake.tablePath(database, table)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    tables.sort(Comparator.comparing(TableRef::name));
    return List.copyOf(tables);
  }

  /**
   * The table {@code database.table} of the lake.
   *
   * @throws IllegalArgumentException when the name is not {@code database.table} or no Delta table is there
   */
  public TableRef resolve(String name) {
    String[] parts = name.split("\\.", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("--table " + name + ": expected database.table, such as "
          + "panther_logs.aws_cloudtrail");
    }
    TableRef table = new TableRef(parts[0], parts[1], lake.tablePath(parts[0], parts[1]));
    Path log = new Path(table.path(), "_delta_log");
    try {
      if (!log.getFileSystem(hadoop).exists(log)) {
        throw new IllegalArgumentException("--table " + name + ": no Delta table at " + table.path()
            + " (tables in the lake: " + all().stream().map(TableRef::name).toList() + ")");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + log + ": " + e.getMessage(), e);
    }
    return table;
  }
}
