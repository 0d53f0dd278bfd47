package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import dev.tarn.cli.UserException;
import dev.tarn.config.SourceConfig;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The files under a prefix of a source's location, named as streaming ingest names them (Hadoop's qualified path,
 * {@code file:/...} or {@code s3a://bucket/...}), because the file path is part of every row's {@code p_row_id}
 * and of {@code tarn_system.ingest_files}. Hidden files are left out as Spark's file source leaves them out.
 */
final class SourceListing {
  private final SourceConfig source;
  private final Configuration hadoop;
  private final String location;

  SourceListing(SourceConfig source, Configuration hadoop) {
    this.source = requireNonNull(source, "source is null");
    this.hadoop = requireNonNull(hadoop, "hadoop is null");
    Path path = new Path(source.location());
    try {
      this.location = path.getFileSystem(hadoop).makeQualified(path).toString().replaceAll("/+$", "");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot reach source " + source.id() + " at " + source.location(), e);
    }
  }

  /**
   * The qualified path of {@code prefix}: relative to the source location, or an absolute path or URI inside it.
   */
  String resolve(String prefix) {
    String given = prefix.strip();
    for (String segment : given.split("/")) {
      if (segment.equals("..")) {
        throw new UserException("--prefix " + prefix + ": '..' is not allowed; give a path inside source "
            + source.id() + "'s location " + location);
      }
    }
    String resolved;
    if (given.startsWith("/") || given.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      Path path = new Path(given);
      try {
        resolved = path.getFileSystem(hadoop).makeQualified(path).toString();
      } catch (IOException e) {
        throw new UserException("--prefix " + prefix + ": cannot reach it (" + e.getMessage() + ")");
      }
    } else {
      String relative = given.replaceFirst("^(\\./)+", "");
      resolved = relative.isEmpty() ? location : location + "/" + relative;
    }
    resolved = resolved.replaceAll("/+$", "").replaceFirst("^file:///", "file:/");
    if (!resolved.equals(location) && !resolved.startsWith(location + "/")) {
      throw new UserException("--prefix " + prefix + " is outside source " + source.id() + "'s location "
          + location + "; give a path relative to the location, or an absolute path inside it");
    }
    return resolved;
  }

  /** The key of a qualified file path relative to the source location (what prefixLogTypes match). */
  String relativeKey(String path) {
    return path.startsWith(location + "/") ? path.substring(location.length() + 1) : new Path(path).getName();
  }

  /** Every file under the resolved prefix (recursively), in path order. */
  List<BackfillFile> list(String resolvedPrefix) {
    Path root = new Path(resolvedPrefix);
    List<BackfillFile> files = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String path = status.getPath().toString();
        String key = relativeKey(path);
        if (status.isFile() && !hidden(key)) {
          files.add(new BackfillFile(path, status.getLen(), key, FileTime.of(key, status.getModificationTime())));
        }
      }
    } catch (FileNotFoundException e) {
      throw new UserException("--prefix " + resolvedPrefix + " does not exist (source " + source.id()
          + " reads " + location + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + resolvedPrefix + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparing(BackfillFile::path));
    return files;
  }

  /** Spark's file listing skips names starting with '.' or '_' (unless a partition name) and files in flight. */
  private static boolean hidden(String key) {
    for (String name : key.split("/")) {
      if (name.startsWith(".") || (name.startsWith("_") && !name.contains("=")) || name.endsWith("._COPYING_")) {
        return true;
      }
    }
    return false;
  }
}
