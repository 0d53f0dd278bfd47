package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The files of one log type, written one after another: a file opens at its first event (its name may carry
 * that event's time) and closes when the split says it is full. Only a buffer is held in memory.
 */
final class LogFileSet implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final Path directory;
  private final LogWriter writer;
  private final FileSplit split;
  private final List<WrittenFile> written = new ArrayList<>();
  private int index = -1;
  private Path path;
  private CountingOutputStream out;
  private long eventsInFile;
  private long closedUncompressedBytes;

  LogFileSet(Path directory, LogWriter writer, FileSplit split) {
    this.directory = requireNonNull(directory, "directory is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.split = requireNonNull(split, "split is null");
  }

  void write(LogEvent event) throws IOException {
    if (out != null && split.full(index, eventsInFile, out.count())) {
      closeFile();
    }
    if (out == null) {
      openFile(event.time());
    }
    writer.writeEvent(out, event, eventsInFile);
    eventsInFile++;
  }

  /** Uncompressed bytes written so far, across all files. */
  long uncompressedBytes() {
    return closedUncompressedBytes + (out == null ? 0 : out.count());
  }

  List<WrittenFile> files() {
    return List.copyOf(written);
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      closeFile();
    }
  }

  private void openFile(Instant firstEvent) throws IOException {
    index++;
    Files.createDirectories(directory);
    path = directory.resolve(writer.fileName(index, firstEvent));
    OutputStream file = Files.newOutputStream(path);
    try {
      OutputStream sink = writer.gzip() ? new GZIPOutputStream(file, BUFFER) : file;
      out = new CountingOutputStream(new BufferedOutputStream(sink, BUFFER));
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
    eventsInFile = 0;
    writer.beginFile(out);
  }

  private void closeFile() throws IOException {
    CountingOutputStream closing = out;
    out = null;
    try {
      writer.endFile(closing);
    } finally {
      closing.close();
    }
    closedUncompressedBytes += closing.count();
    written.add(new WrittenFile(writer.type(), path, eventsInFile, Files.size(path), closing.count()));
  }
}
