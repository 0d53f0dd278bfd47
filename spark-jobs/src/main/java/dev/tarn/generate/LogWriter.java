package dev.tarn.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes one log type: renders benign background events and frames events (its own and the scenarios') into
 * files. {@link LogGenerator} decides when files start and end; the writer decides what they look like. The
 * default framing is one event per line.
 */
public interface LogWriter {

  LogType type();

  /** A benign event at {@code time}, drawn from the writer's seeded source. */
  LogEvent background(Instant time);

  /** The name of the {@code index}-th file (from 0), whose first event is at {@code firstEvent}. */
  String fileName(int index, Instant firstEvent);

  /** Whether files are gzip-compressed (their names then end in {@code .gz}). */
  boolean gzip();

  /** A typical uncompressed event size, used to plan timestamps when the budget is in bytes. */
  int typicalEventBytes();

  /** Writes what comes before the first event of a file (a header line, an opening bracket). */
  default void beginFile(OutputStream out) throws IOException {}

  /** Writes one event; {@code indexInFile} counts from 0. */
  default void writeEvent(OutputStream out, LogEvent event, long indexInFile) throws IOException {
    out.write(event.payload());
    out.write('\n');
  }

  /** Writes what comes after the last event of a file. */
  default void endFile(OutputStream out) throws IOException {}

  /** The name of a JSON-lines file: {@code <prefix>_<yyyyMMdd>T<HHmmss>Z_<index>.jsonl[.gz]}. */
  static String jsonLinesFileName(String prefix, int index, Instant firstEvent, boolean gzip) {
    return String.format(Locale.ROOT, "%s_%s_%04d.jsonl%s", prefix,
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(firstEvent), index,
        gzip ? ".gz" : "");
  }
}
