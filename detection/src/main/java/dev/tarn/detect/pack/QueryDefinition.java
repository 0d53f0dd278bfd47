package dev.tarn.detect.pack;

import java.nio.file.Path;
import java.util.List;

/**
 * A {@code saved_query} or {@code scheduled_query}. For saved queries {@code enabled} is true and {@code schedule} is
 * null.
 *
 * @param sql the {@code Query} text (Spark SQL with Panther's time macros)
 */
public record QueryDefinition(AnalysisType type, String name, boolean enabled, String sql, String description,
    List<String> tags, Schedule schedule, boolean lookback, Integer lookbackWindowSeconds, Path file) {

  /** Exactly one of {@code cronExpression} and {@code rateMinutes} is set. */
  public record Schedule(String cronExpression, Integer rateMinutes, int timeoutMinutes) {}
}
