package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import dev.tarn.ingest.IngestedFiles;
import dev.tarn.lake.Lake;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Backfill's crash record: before a chunk writes anything, its file list is saved under
 * {@code <lake>/_backfill/<source>/<chunk>.inflight}; once the chunk's files are recorded in
 * {@code tarn_system.ingest_files} the record is removed. A record left behind means a run stopped in the middle of
 * that chunk, so some of its rows may be in the tables without the files being recorded: the next run re-ingests
 * exactly those files by inserting only absent rows, however it chunks the rest. This keeps re-runs free of
 * duplicates without tying them to the earlier run's chunking (which changes with --rate, the range or new files).
 */
final class InFlightChunks {
  private static final String SUFFIX = ".inflight";

  private final Path dir;
  private final FileSystem fs;
  private final Map<Path, List<String>> leftBehind = new LinkedHashMap<>();

  InFlightChunks(Lake lake, String sourceId, Configuration hadoop) {
    this.dir = new Path(IngestedFiles.backfillDirectory(requireNonNull(lake, "lake is null"), sourceId));
    try {
      this.fs = dir.getFileSystem(hadoop);
      if (fs.exists(dir)) {
        for (FileStatus status : fs.listStatus(dir)) {
          if (status.getPath().getName().endsWith(SUFFIX)) {
            leftBehind.put(status.getPath(), read(status.getPath()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read backfill records under " + dir, e);
    }
  }

  /** Files of chunks an earlier run did not finish. */
  Set<String> unfinished() {
    Set<String> files = new HashSet<>();
    leftBehind.values().forEach(files::addAll);
    return files;
  }

  /** Saves a chunk's file list before its writes. */
  void begin(String chunkId, Collection<String> files) {
    Path marker = new Path(dir, chunkId + SUFFIX);
    try (OutputStream out = fs.create(marker, true)) {
      out.write((String.join("\n", files) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write backfill record " + marker, e);
    }
  }

  /** Removes a chunk's record once its files are recorded as ingested. */
  void end(String chunkId) {
    delete(new Path(dir, chunkId + SUFFIX));
  }

  /** Removes the records left by earlier runs whose every file is now {@code done}. */
  void forgetFinished(Set<String> done) {
    leftBehind.forEach((marker, files) -> {
      if (done.containsAll(files)) {
        delete(marker);
      }
    });
  }

  /** Creates the directory: its existence tells streaming ingest that backfill ran for this source. */
  void create() {
    try {
      fs.mkdirs(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
  }

  private void delete(Path marker) {
    try {
      fs.delete(marker, false);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete backfill record " + marker, e);
    }
  }

  private List<String> read(Path marker) throws IOException {
    List<String> files = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(marker), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isEmpty()) {
          files.add(line);
        }
      }
    }
    return files;
  }
}
