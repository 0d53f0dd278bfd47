package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a search found.
 *
 * @param query the search
 * @param tablesSearched the tables read (those with the indicator's column)
 * @param tablesWithoutColumn the tables left out because their log type never fills the indicator's column
 * @param logTypes matches grouped by log type, most matches first
 * @param engine where the search ran: {@link SearchEngine#LOCAL} or {@link SearchEngine#SPARK}
 */
public record SearchResult(IndicatorQuery query, List<String> tablesSearched, List<String> tablesWithoutColumn,
    List<LogTypeMatches> logTypes, SearchEngine engine) {
  public SearchResult {
    requireNonNull(query, "query is null");
    requireNonNull(engine, "engine is null");
    if (engine == SearchEngine.AUTO) {
      throw new IllegalArgumentException("a result names the engine that ran, LOCAL or SPARK, not AUTO");
    }
    tablesSearched = List.copyOf(tablesSearched);
    tablesWithoutColumn = List.copyOf(tablesWithoutColumn);
    logTypes = List.copyOf(logTypes);
  }

  /** Matching events over all log types. */
  public long total() {
    return logTypes.stream().mapToLong(LogTypeMatches::count).sum();
  }
}
