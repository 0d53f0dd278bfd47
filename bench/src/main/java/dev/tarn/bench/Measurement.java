package dev.tarn.bench;

import java.util.List;
import java.util.Locale;

/**
 * One timed run of one path.
 *
 * @param path the path's name
 * @param events rows in the Delta table afterwards
 * @param nanos wall-clock time of the run
 * @param cores the N of local[N]
 * @param outputBytes size of the lake the run wrote (all tables, logs and checkpoints)
 * @param stages the run's Spark stages, one line each (empty unless asked for)
 */
record Measurement(String path, long events, long nanos, int cores, long outputBytes, List<String> stages) {

  Measurement {
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

  void print() {
    System.out.println(row());
    stages.forEach(System.out::println);
  }

  String row() {
    return String.format(Locale.ROOT, "  %-38s %,12d events %8.1f s %,12.0f events/s %,10.0f events/s/core  (lake %,.0f MB)",
        path, events, seconds(), eventsPerSecond(), eventsPerSecondPerCore(), outputBytes / 1048576.0);
  }
}
