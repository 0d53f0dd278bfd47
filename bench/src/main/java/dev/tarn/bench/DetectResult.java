package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One timed detection run of one path over the benchmark's events.
 *
 * @param path the path's name
 * @param events events the run covered
 * @param nanos wall-clock time of the run
 * @param cores cores the path used: the N of local[N], or 1 for one CPython process
 * @param rules rules the path ran (those that loaded)
 * @param matches matches by rule id (rules without a match included, with 0)
 * @param errors rule errors by rule id (only rules with errors)
 * @param stages the run's Spark stages, one line each (empty unless asked for)
 */
record DetectResult(String path, long events, long nanos, int cores, int rules, Map<String, Long> matches,
    Map<String, Long> errors, List<String> stages) {

  DetectResult {
    requireNonNull(path, "path is null");
    matches = Map.copyOf(matches);
    errors = Map.copyOf(errors);
    stages = List.copyOf(stages);
  }

  double seconds() {
    return nanos / 1e9;
  }

  double eventsPerSecond() {
    return events / seconds();
  }

  double eventsPerSecondPerCore() {
    return eventsPerSecond() / cores;
  }

  long totalMatches() {
    return matches.values().stream().mapToLong(Long::longValue).sum();
  }

  long totalErrors() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  void print() {
    System.out.printf(Locale.ROOT, "  %-40s %,10d events %8.1f s %,9.0f events/s %,8.0f events/s/core  "
            + "(%d rules, %,d matches, %,d rule errors)%n", path, events, seconds(), eventsPerSecond(),
        eventsPerSecondPerCore(), rules, totalMatches(), totalErrors());
    stages.forEach(System.out::println);
  }

  /** This result without its stage lines (for the summary). */
  DetectResult withoutStages() {
    return new DetectResult(path, events, nanos, cores, rules, matches, errors, List.of());
  }

  /**
   * Lines naming every rule whose match or error count differs from {@code other}'s, over the rules both ran
   * ({@code onlyRules} null: all rules either ran); empty when they agree.
   */
  List<String> differences(DetectResult other, Set<String> onlyRules) {
    List<String> out = new ArrayList<>();
    TreeMap<String, long[]> byRule = new TreeMap<>();
    collect(byRule, matches, 0);
    collect(byRule, other.matches, 1);
    collect(byRule, errors, 2);
    collect(byRule, other.errors, 3);
    byRule.forEach((rule, n) -> {
      if ((onlyRules == null || onlyRules.contains(rule)) && (n[0] != n[1] || n[2] != n[3])) {
        out.add(String.format(Locale.ROOT, "%s: %s %,d matches / %,d errors, %s %,d matches / %,d errors", rule,
            path, n[0], n[2], other.path, n[1], n[3]));
      }
    });
    return out;
  }

  private static void collect(TreeMap<String, long[]> byRule, Map<String, Long> counts, int slot) {
    counts.forEach((rule, n) -> byRule.computeIfAbsent(rule, k -> new long[4])[slot] = n);
  }
}
