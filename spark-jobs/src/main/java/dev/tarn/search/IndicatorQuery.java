package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import dev.tarn.lake.Lake;
import java.util.Set;

/**
 * One indicator search.
 *
 * @param database the database whose log tables are searched (normally {@link Lake#LOGS_DB})
 * @param indicator the value and the column it lives in
 * @param range the {@code p_event_time} range
 * @param logTypes only these log types ({@code AWS.CloudTrail}); empty means every table of the database
 * @param limit at most this many matching rows are returned per log type (counts are always complete)
 */
public record IndicatorQuery(String database, Indicator indicator, TimeRange range, Set<String> logTypes, int limit) {
  public static final int DEFAULT_LIMIT = 10;

  public IndicatorQuery {
    requireNonNull(database, "database is null");
    requireNonNull(indicator, "indicator is null");
    requireNonNull(range, "range is null");
    logTypes = Set.copyOf(requireNonNull(logTypes, "logTypes is null"));
    if (limit < 0) {
      throw new IllegalArgumentException("--limit " + limit + " is negative (give 0 for counts only)");
    }
  }

  /** A search of every log table in {@code panther_logs}, returning {@link #DEFAULT_LIMIT} rows per log type. */
  public static IndicatorQuery of(Indicator indicator, TimeRange range) {
    return new IndicatorQuery(Lake.LOGS_DB, indicator, range, Set.of(), DEFAULT_LIMIT);
  }

  public IndicatorQuery inDatabase(String database) {
    return new IndicatorQuery(database, indicator, range, logTypes, limit);
  }

  public IndicatorQuery withLogTypes(Set<String> logTypes) {
    return new IndicatorQuery(database, indicator, range, logTypes, limit);
  }

  public IndicatorQuery withLimit(int limit) {
    return new IndicatorQuery(database, indicator, range, logTypes, limit);
  }
}
