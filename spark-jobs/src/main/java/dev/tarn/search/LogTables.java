package dev.tarn.search;

import dev.tarn.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The Delta tables of one database, found where the lake keeps them rather than in the catalog, so a search works
 * the same on a fresh cluster whose metastore has not been synced yet.
 */
final class LogTables {
  private LogTables() {}

  /** Each table's name and Delta path, sorted by name; empty when the database has no directory yet. */
  static List<LogTable> list(SparkSession spark, Lake lake, String database) {
    Path root = new Path(lake.databasePath(database));
    List<LogTable> tables = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return List.of();
      }
      for (FileStatus status : fs.listStatus(root)) {
        if (status.isDirectory() && fs.exists(new Path(status.getPath(), "_delta_log"))) {
          String name = status.getPath().getName();
          tables.add(new LogTable(name, lake.tablePath(database, name)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the tables of " + database + " under " + root, e);
    }
    tables.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(tables);
  }

  record LogTable(String name, String path) {}
}
