package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The matches of one log type.
 *
 * @param logType the log type
 * @param count how many events of the range hold the indicator
 * @param matches the latest of them (by event time, at most the query's limit), newest first
 */
public record LogTypeMatches(String logType, long count, List<SearchMatch> matches) {
  public LogTypeMatches {
    requireNonNull(logType, "logType is null");
    matches = List.copyOf(matches);
  }

  /** One group per counted log type, most matches first, with the rows fetched for it (none when absent). */
  static List<LogTypeMatches> grouped(Map<String, Long> counts, Map<String, List<SearchMatch>> rows) {
    return counts.entrySet().stream()
        .map(e -> new LogTypeMatches(e.getKey(), e.getValue(), rows.getOrDefault(e.getKey(), List.of())))
        .sorted(Comparator.comparingLong(LogTypeMatches::count).reversed().thenComparing(LogTypeMatches::logType))
        .toList();
  }
}
