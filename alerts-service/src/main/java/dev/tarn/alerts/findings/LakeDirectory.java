package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
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
 * The findings databases' directories under the lake root, as spark-jobs lays them out
 * ({@code <lakeRoot>/<database>/<table>}, see its {@code dev.tarn.lake.Lake}). Listed with Hadoop's file system, the
 * same one Kernel's default engine reads through, so any scheme Kernel can read can be listed.
 */
final class LakeDirectory {
  private final Path root;
  private final Configuration conf;

  LakeDirectory(String lakeRoot, Configuration conf) {
    this.root = new Path(requireNonNull(lakeRoot, "lakeRoot is null"));
    this.conf = requireNonNull(conf, "conf is null");
  }

  /** Every directory holding a {@code _delta_log} in each findings database ({@link FindingKind}), by kind and then name. */
  List<FindingsTable> findingsTables() {
    List<FindingsTable> out = new ArrayList<>();
    for (FindingKind kind : FindingKind.values()) {
      Path database = new Path(root, kind.database());
      try {
        FileSystem fs = database.getFileSystem(conf);
        for (FileStatus child : list(fs, database)) {
          String name = child.getPath().getName();
          if (child.isDirectory() && !name.startsWith("_") && !name.startsWith(".")
              && fs.exists(new Path(child.getPath(), "_delta_log"))) {
            out.add(new FindingsTable(kind, name, child.getPath().toString()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list the findings tables in " + database + ": " + e.getMessage(), e);
      }
    }
    out.sort(Comparator.comparing(FindingsTable::kind).thenComparing(FindingsTable::name));
    return List.copyOf(out);
  }

  /** The directory's entries; none when it does not exist (no detection has written that kind of finding yet). */
  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    try {
      return fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }
}
