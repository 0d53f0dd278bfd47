package dev.tarn.health;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files landed under a source's location that ingest has not recorded yet: Tarn's equivalent of Panther's
 * "age of the oldest message" on the log processor's queue. Only files modified since the lookback are considered,
 * which keeps the comparison with {@code tarn_system.ingest_files} to about a day of files.
 */
final class LandedFiles {
  private final Configuration hadoop;

  LandedFiles(Configuration hadoop) {
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
  }

  /** Pending files: count and the oldest modification time (null when none). */
  record Pending(long files, Instant oldest) {}

  /**
   * @param location the source's location (a directory or URI)
   * @param since files modified before this are ignored
   * @param ingested the files ingest recorded since {@code since}, as ingest names them ({@code file:/...})
   */
  Pending pending(String location, Instant since, Collection<String> ingested) {
    Set<String> done = new HashSet<>(ingested);
    long count = 0;
    long oldest = Long.MAX_VALUE;
    try {
      Path root = new Path(location);
      FileSystem fs = root.getFileSystem(hadoop);
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        LocatedFileStatus f = files.next();
        if (hidden(f.getPath(), root) || f.getModificationTime() < since.toEpochMilli()
            || done.contains(f.getPath().toString())) {
          continue;
        }
        count++;
        oldest = Math.min(oldest, f.getModificationTime());
      }
    } catch (FileNotFoundException e) {
      return new Pending(0, null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + location + ": " + e.getMessage(), e);
    }
    return new Pending(count, count == 0 ? null : Instant.ofEpochMilli(oldest));
  }

  /** Spark's file sources skip names starting with '_' or '.', in the file name or any directory below the root. */
  private static boolean hidden(Path file, Path root) {
    int rootDepth = root.depth();
    for (Path p = file; p != null && p.depth() > rootDepth; p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
