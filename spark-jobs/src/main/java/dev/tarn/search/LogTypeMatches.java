package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

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
}
