package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link LogGenerator} writes. Build with {@link #builder()}; every option has a default.
 *
 * @param seed the seed of every random choice: the same seed and options give byte-identical files
 * @param types the log types to write
 * @param eventsPerType events per log type, scenario events included (unless overridden below)
 * @param eventsByType per-type overrides of {@code eventsPerType}
 * @param cloudTrailBytes when &gt; 0, CloudTrail is written until its uncompressed size reaches this many
 *     bytes, and its event count is ignored
 * @param filesPerType how many files each log type's events are split into
 * @param start the time of the first event
 * @param duration the time range the events spread over (when {@code eventsPerSecond} is 0)
 * @param eventsPerSecond when &gt; 0, events are spaced 1/rate seconds apart on average and the time range
 *     follows from the count; {@code duration} is then ignored
 * @param gzip compress files with gzip
 * @param cloudTrailRecords write CloudTrail as the S3 objects CloudTrail delivers ({@code {"Records":[...]}},
 *     always gzip) instead of JSON lines
 * @param scenarios the names of the scenarios to inject (see {@link Scenarios})
 */
public record GeneratorOptions(
    long seed,
    Set<LogType> types,
    long eventsPerType,
    Map<LogType, Long> eventsByType,
    long cloudTrailBytes,
    int filesPerType,
    Instant start,
    Duration duration,
    double eventsPerSecond,
    boolean gzip,
    boolean cloudTrailRecords,
    Set<String> scenarios) {

  public static final Instant DEFAULT_START = Instant.parse("2024-06-03T00:00:00Z");

  public GeneratorOptions {
    requireNonNull(types, "types is null");
    requireNonNull(eventsByType, "eventsByType is null");
    requireNonNull(start, "start is null");
    requireNonNull(duration, "duration is null");
    requireNonNull(scenarios, "scenarios is null");
    if (types.isEmpty()) {
      throw new IllegalArgumentException("No log types selected (expected at least one of " + List.of(
          LogType.values()) + ")");
    }
    checkEvents("events per type", eventsPerType);
    eventsByType.forEach((type, events) -> checkEvents("events for " + type.pantherName(), events));
    if (cloudTrailBytes < 0) {
      throw new IllegalArgumentException("Invalid CloudTrail size: " + cloudTrailBytes + " bytes (must be >= 0)");
    }
    if (filesPerType < 1) {
      throw new IllegalArgumentException("Invalid files per type: " + filesPerType + " (must be >= 1)");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Invalid duration: " + duration + " (must be > 0)");
    }
    if (!(eventsPerSecond >= 0) || Double.isInfinite(eventsPerSecond)) {
      throw new IllegalArgumentException("Invalid events per second: " + eventsPerSecond
          + " (must be >= 0; 0 spreads events over the duration)");
    }
    if (eventsPerSecond > 1e9) {
      throw new IllegalArgumentException("Invalid events per second: " + eventsPerSecond + " (must be <= 1e9)");
    }
    types = Collections.unmodifiableSet(EnumSet.copyOf(types));
    eventsByType = Collections.unmodifiableMap(eventsByType.isEmpty()
        ? new EnumMap<>(LogType.class) : new EnumMap<>(eventsByType));
    scenarios = Scenarios.select(List.copyOf(scenarios));
  }

  private static void checkEvents(String what, long events) {
    if (events < 1) {
      throw new IllegalArgumentException("Invalid " + what + ": " + events + " (must be >= 1)");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The number of events to write for {@code type} (ignored for CloudTrail when a size is set). */
  public long eventsFor(LogType type) {
    return eventsByType.getOrDefault(type, eventsPerType);
  }

  /** Whether {@code type} is written up to a byte size rather than an event count. */
  public boolean sizedInBytes(LogType type) {
    return type == LogType.CLOUDTRAIL && cloudTrailBytes > 0;
  }

  /** Collects options; unset options keep their defaults (seed 42, all types, 2000 events, one hour...). */
  public static final class Builder {
    private long seed = 42;
    private Set<LogType> types = EnumSet.allOf(LogType.class);
    private long eventsPerType = 2000;
    private final Map<LogType, Long> eventsByType = new EnumMap<>(LogType.class);
    private long cloudTrailBytes;
    private int filesPerType = 1;
    private Instant start = DEFAULT_START;
    private Duration duration = Duration.ofHours(1);
    private double eventsPerSecond;
    private boolean gzip;
    private boolean cloudTrailRecords;
    private Set<String> scenarios = new LinkedHashSet<>(Scenarios.names());

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder types(Set<LogType> types) {
      this.types = EnumSet.noneOf(LogType.class);
      this.types.addAll(requireNonNull(types, "types is null"));
      return this;
    }

    public Builder types(LogType first, LogType... rest) {
      return types(EnumSet.of(first, rest));
    }

    public Builder eventsPerType(long events) {
      this.eventsPerType = events;
      return this;
    }

    public Builder events(LogType type, long events) {
      eventsByType.put(requireNonNull(type, "type is null"), events);
      return this;
    }

    public Builder cloudTrailBytes(long bytes) {
      this.cloudTrailBytes = bytes;
      return this;
    }

    public Builder filesPerType(int files) {
      this.filesPerType = files;
      return this;
    }

    public Builder start(Instant start) {
      this.start = requireNonNull(start, "start is null");
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = requireNonNull(duration, "duration is null");
      return this;
    }

    public Builder eventsPerSecond(double rate) {
      this.eventsPerSecond = rate;
      return this;
    }

    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    public Builder cloudTrailRecords(boolean records) {
      this.cloudTrailRecords = records;
      return this;
    }

    /** Scenario names, or {@code all}, or {@code none}. */
    public Builder scenarios(List<String> scenarios) {
      this.scenarios = Scenarios.select(requireNonNull(scenarios, "scenarios is null"));
      return this;
    }

    public Builder scenarios(String... scenarios) {
      return scenarios(List.of(scenarios));
    }

    public GeneratorOptions build() {
      return new GeneratorOptions(seed, types, eventsPerType, eventsByType, cloudTrailBytes, filesPerType, start,
          duration, eventsPerSecond, gzip, cloudTrailRecords, scenarios);
    }
  }
}
