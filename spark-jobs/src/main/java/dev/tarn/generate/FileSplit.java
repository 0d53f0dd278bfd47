package dev.tarn.generate;

/** How one log type's events are divided among its files: when the current file is full. */
sealed interface FileSplit {

  /** Whether the file numbered {@code fileIndex} (from 0), holding so much, should take no more events. */
  boolean full(int fileIndex, long eventsInFile, long bytesInFile);

  /** {@code total} events spread as evenly as possible over {@code files} files (fewer if there are fewer events). */
  record ByEvents(long total, int files) implements FileSplit {
    @Override
    public boolean full(int fileIndex, long eventsInFile, long bytesInFile) {
      long effectiveFiles = Math.max(1, Math.min(files, total));
      if (fileIndex >= effectiveFiles - 1) {
        return false;
      }
      long quota = total / effectiveFiles + (fileIndex < total % effectiveFiles ? 1 : 0);
      return eventsInFile >= quota;
    }
  }

  /** About {@code total / files} uncompressed bytes per file; the last file takes the rest. */
  record ByBytes(long total, int files) implements FileSplit {
    @Override
    public boolean full(int fileIndex, long eventsInFile, long bytesInFile) {
      return fileIndex < files - 1 && bytesInFile >= total / files;
    }
  }
}
