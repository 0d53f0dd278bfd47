package dev.tarn.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code tarn maintain} keeps the lake compact and within its retention.
 *
 * @param interval how often continuous {@code tarn ingest} runs maintain in the background; zero disables it
 * @param smallFileBytes a data file below this size is "small" (default 32 MiB: a 1-minute micro-batch of one log
 *     type is usually far below it, an OPTIMIZE output file is far above it)
 * @param minSmallFiles a partition is compacted once it holds at least this many small files (default 4), so an
 *     already compact partition is left alone and one that received enough late data is compacted again
 * @param zorderBy ZORDER columns for tables without their own entry (default {@code [p_event_time]})
 * @param zorderByTable ZORDER columns per table name ({@code aws_cloudtrail}), overriding {@code zorderBy}
 * @param vacuumRetention VACUUM keeps files removed from the table for this long (default 168 h, Delta's limit)
 * @param retention how long rows are kept per table name; the key {@code default} applies to every log table without
 *     its own entry; {@link #FOREVER} keeps a table's rows forever. No entry at all keeps everything forever, as
 *     Panther did with processed data.
 */
public record MaintainConfig(Duration interval, long smallFileBytes, int minSmallFiles, List<String> zorderBy,
    Map<String, List<String>> zorderByTable, Duration vacuumRetention, Map<String, Duration> retention) {
  public static final String DEFAULT_KEY = "default";
  /** Retention value meaning "never expire" ({@code retention: {aws_cloudtrail: forever}}). */
  public static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

  public MaintainConfig {
    requireNonNull(interval, "interval is null");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("Invalid interval: " + interval + " (must be >= 0)");
    }
    if (smallFileBytes <= 0) {
      throw new IllegalArgumentException("Invalid smallFileBytes: " + smallFileBytes + " (must be > 0)");
    }
    if (minSmallFiles < 2) {
      // One small file cannot be compacted into fewer files; OPTIMIZE would rewrite it for nothing.
      throw new IllegalArgumentException("Invalid minSmallFiles: " + minSmallFiles + " (must be >= 2)");
    }
    zorderBy = List.copyOf(zorderBy);
    zorderByTable = Map.copyOf(zorderByTable);
    requireNonNull(vacuumRetention, "vacuumRetention is null");
    retention = Map.copyOf(retention);
    for (Map.Entry<String, Duration> e : retention.entrySet()) {
      if (e.getValue().isNegative() || e.getValue().isZero()) {
        throw new IllegalArgumentException("Invalid retention for " + e.getKey() + ": " + e.getValue()
            + " (must be > 0)");
      }
    }
  }

  public static MaintainConfig defaults() {
    return new MaintainConfig(Duration.ofHours(1), 32L << 20, 4, List.of("p_event_time"), Map.of(),
        Duration.ofHours(168), Map.of());
  }

  public MaintainConfig withRetention(Map<String, Duration> value) {
    return new MaintainConfig(interval, smallFileBytes, minSmallFiles, zorderBy, zorderByTable, vacuumRetention,
        value);
  }

  public MaintainConfig withCompaction(long smallBytes, int minSmall) {
    return new MaintainConfig(interval, smallBytes, minSmall, zorderBy, zorderByTable, vacuumRetention, retention);
  }

  /** The ZORDER columns configured for a table (before dropping those the table lacks). */
  public List<String> zorderFor(String table) {
    return zorderByTable.getOrDefault(table, zorderBy);
  }

  /** How long the table's rows are kept; empty = forever. */
  public Optional<Duration> retentionFor(String table) {
    Duration d = retention.containsKey(table) ? retention.get(table) : retention.get(DEFAULT_KEY);
    return d == null || d.equals(FOREVER) ? Optional.empty() : Optional.of(d);
  }
}
