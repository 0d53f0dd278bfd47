package dev.tarn.bench;

import java.util.Locale;
import java.util.Map;

/**
 * One timed pass of one classifier setup over all files.
 *
 * @param path the setup's name
 * @param lines lines classified
 * @param accepted lines some candidate accepted
 * @param rows rows produced (a VPC flow header line is accepted with no rows)
 * @param misclassified accepted lines whose accepted type is not the file's true type
 * @param nanos wall clock of the whole pass, classifier construction included
 * @param learningLines lines within the first {@code learningWindow} of each file
 * @param learningNanos the part of {@code nanos} spent on those lines (and on building each file's classifier)
 * @param acceptedBy lines per accepted log type, for reporting misclassifications
 */
record ClassifyRun(String path, long lines, long accepted, long rows, long misclassified, long nanos,
    long learningLines, long learningNanos, Map<String, Long> acceptedBy) {

  ClassifyRun {
    acceptedBy = Map.copyOf(acceptedBy);
  }

  double linesPerSecond() {
    return lines / (nanos / 1e9);
  }

  double learningLinesPerSecond() {
    return learningLines / (learningNanos / 1e9);
  }

  double steadyLinesPerSecond() {
    return (lines - learningLines) / ((nanos - learningNanos) / 1e9);
  }

  String row() {
    return String.format(Locale.ROOT, "  %-34s %,9d lines %,9d rows %7.2f s %,10.0f lines/s   first lines %,10.0f/s,"
            + " rest %,10.0f/s%s", path, lines, rows, nanos / 1e9, linesPerSecond(), learningLinesPerSecond(),
        steadyLinesPerSecond(), misclassified == 0 ? "" : String.format(Locale.ROOT, "  (%,d misclassified)",
            misclassified));
  }
}
