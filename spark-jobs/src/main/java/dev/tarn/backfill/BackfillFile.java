package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

/**
 * A file backfill may ingest.
 *
 * @param path the qualified path, as ingest records it
 * @param length size in bytes
 * @param key the path relative to the source location
 * @param time the period its data covers
 */
public record BackfillFile(String path, long length, String key, FileTime time) {
  public BackfillFile {
    requireNonNull(path, "path is null");
    requireNonNull(key, "key is null");
    requireNonNull(time, "time is null");
  }
}
