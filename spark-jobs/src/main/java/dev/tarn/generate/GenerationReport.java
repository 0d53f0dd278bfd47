package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param outDir the output root
 * @param files every file, by log type then in write order
 * @param eventsPerType events written per log type, scenario events included
 * @param scenarioEvents events written per selected scenario, in canonical order (0 when its log type was not
 *     selected)
 */
public record GenerationReport(Path outDir, List<WrittenFile> files, Map<LogType, Long> eventsPerType,
    Map<String, Long> scenarioEvents) {

  public GenerationReport {
    requireNonNull(outDir, "outDir is null");
    files = List.copyOf(files);
    eventsPerType = Collections.unmodifiableMap(eventsPerType.isEmpty()
        ? new EnumMap<>(LogType.class) : new EnumMap<>(eventsPerType));
    scenarioEvents = Collections.unmodifiableMap(new LinkedHashMap<>(scenarioEvents));
  }

  public long totalEvents() {
    return eventsPerType.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Bytes on disk (compressed when gzip was on). */
  public long bytes() {
    return files.stream().mapToLong(WrittenFile::bytes).sum();
  }

  public long uncompressedBytes() {
    return files.stream().mapToLong(WrittenFile::uncompressedBytes).sum();
  }

  public List<WrittenFile> filesOf(LogType type) {
    return files.stream().filter(file -> file.type() == type).toList();
  }

  public long eventsOf(LogType type) {
    return eventsPerType.getOrDefault(type, 0L);
  }
}
