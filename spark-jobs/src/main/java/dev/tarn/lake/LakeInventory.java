package dev.tarn.lake;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The Delta tables that exist in the lake, found by walking its directories ({@code <root>/<database>/<table>/
 * _delta_log}) rather than by asking a catalog: the lake is the truth, the catalogs (the session's metastore, Glue)
 * are kept in step with it. Directories starting with {@code _} or {@code .} (checkpoints, metastore, log types) and
 * names that are not plain identifiers are not databases or tables.
 */
public final class LakeInventory {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");

  /** One Delta table of the lake, at {@link Lake#tablePath(String, String)}. */
  public record LakeTable(String database, String table, String path) {
    public LakeTable {
      requireNonNull(database, "database is null");
      requireNonNull(table, "table is null");
      requireNonNull(path, "path is null");
    }

    public String qualifiedName() {
      return database + "." + table;
    }
  }

  private final Lake lake;
  private final Configuration hadoop;

  public LakeInventory(Lake lake, Configuration hadoop) {
    this.lake = requireNonNull(lake, "lake is null");
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
  }

  /** The lake's databases that hold at least one Delta table, sorted by name. */
  public List<String> databases() {
    return children(new Path(lake.root())).stream()
        .filter(database -> !tables(database).isEmpty())
        .toList();
  }

  /** The Delta tables of one database, sorted by name; empty when the database directory does not exist. */
  public List<LakeTable> tables(String database) {
    requireNonNull(database, "database is null");
    List<LakeTable> out = new ArrayList<>();
    for (String table : children(new Path(lake.databasePath(database)))) {
      String path = lake.tablePath(database, table);
      if (exists(new Path(path, "_delta_log"))) {
        out.add(new LakeTable(database, table, path));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The Delta tables of the given databases, sorted by qualified name; a database without a directory has none.
   */
  public List<LakeTable> tables(Collection<String> databases) {
    requireNonNull(databases, "databases is null");
    return databases.stream().distinct().flatMap(database -> tables(database).stream())
        .sorted(Comparator.comparing(LakeTable::qualifiedName))
        .toList();
  }

  /** The Delta table {@code database.table}, when the lake has one there. */
  public Optional<LakeTable> table(String database, String table) {
    requireNonNull(database, "database is null");
    requireNonNull(table, "table is null");
    if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(table).matches()) {
      return Optional.empty();
    }
    String path = lake.tablePath(database, table);
    return exists(new Path(path, "_delta_log")) ? Optional.of(new LakeTable(database, table, path))
        : Optional.empty();
  }

  /** Every Delta table of the lake. */
  public List<LakeTable> tables() {
    List<LakeTable> out = new ArrayList<>();
    for (String database : children(new Path(lake.root()))) {
      out.addAll(tables(database));
    }
    return List.copyOf(out);
  }

  private List<String> children(Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      FileStatus[] statuses;
      try {
        statuses = fs.listStatus(dir);
      } catch (FileNotFoundException e) {
        return List.of();
      }
      return Arrays.stream(statuses)
          .filter(FileStatus::isDirectory)
          .map(s -> s.getPath().getName())
          .filter(name -> !name.startsWith("_") && !name.startsWith("."))
          .filter(name -> IDENTIFIER.matcher(name).matches())
          .sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private boolean exists(Path path) {
    try {
      return path.getFileSystem(hadoop).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + path + ": " + e.getMessage(), e);
    }
  }
}
