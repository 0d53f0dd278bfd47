package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;

/**
 * Backfill's progress line, updated after every chunk: files done of total, events, rates and the time left at the
 * rate so far. On a terminal the line is redrawn in place; otherwise (a log, a pipe) each update is its own line.
 */
final class Progress {
  private final PrintStream out;
  private final boolean terminal;
  private final long totalFiles;
  private final long startedNanos = System.nanoTime();
  private boolean drawn;

  Progress(PrintStream out, boolean terminal, long totalFiles) {
    this.out = requireNonNull(out, "out is null");
    this.terminal = terminal;
    this.totalFiles = totalFiles;
  }

  /** Reports the state after a chunk. */
  void update(long filesDone, long events) {
    double seconds = Math.max((System.nanoTime() - startedNanos) / 1e9, 1e-3);
    double filesPerSecond = filesDone / seconds;
    double eventsPerSecond = events / seconds;
    long remaining = totalFiles - filesDone;
    String eta = filesPerSecond > 0 ? duration(Math.round(remaining / filesPerSecond)) : "unknown";
    String line = String.format("backfill %d/%d files (%d%%), %,d events, %.1f files/s, %,.0f events/s, ETA %s",
        filesDone, totalFiles, totalFiles == 0 ? 100 : filesDone * 100 / totalFiles, events, filesPerSecond,
        eventsPerSecond, eta);
    if (terminal) {
      out.print("\r" + line + "\u001b[K");
      drawn = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Ends the redrawn line, so what follows starts on a new one. */
  void finish() {
    if (drawn) {
      out.println();
    }
  }

  static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format("%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
