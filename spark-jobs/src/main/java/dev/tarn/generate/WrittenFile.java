package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** One file the generator wrote: its size on disk and before compression. */
public record WrittenFile(LogType type, Path path, long events, long bytes, long uncompressedBytes) {
  public WrittenFile {
    requireNonNull(type, "type is null");
    requireNonNull(path, "path is null");
  }
}
