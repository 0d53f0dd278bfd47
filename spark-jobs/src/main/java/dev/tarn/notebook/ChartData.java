package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A chart ready to draw: x labels and one or more named series of numbers, taken from a cell's result as its
 * {@link ChartSpec} says. Rows with the same label (and series) are summed.
 *
 * @param note what was left out (series beyond the largest {@value #MAX_SERIES}), or null
 */
public record ChartData(ChartSpec.Type type, List<String> labels, List<Series> series, String note) {
  static final int MAX_SERIES = 12;

  public record Series(String name, List<Double> values) {
    public Series {
      requireNonNull(name, "name is null");
      values = List.copyOf(values);
    }
  }

  public ChartData {
    requireNonNull(type, "type is null");
    labels = List.copyOf(labels);
    series = List.copyOf(series);
  }

  /** Builds the chart; a column the spec names but the result lacks, or a non-numeric y, is a NotebookException. */
  static ChartData of(ChartSpec spec, QueryResult result) {
    int x = column(spec.x(), result);
    int split = spec.series() == null ? -1 : column(spec.series(), result);
    List<Integer> ys = spec.y().stream().map(y -> column(y, result)).toList();
    Map<String, Map<String, Double>> sums = new LinkedHashMap<>();
    LinkedHashSet<String> labels = new LinkedHashSet<>();
    boolean numericX = true;
    for (List<Object> row : result.rows()) {
      String label = label(row.get(x));
      numericX &= row.get(x) instanceof Number;
      labels.add(label);
      for (int i = 0; i < ys.size(); i++) {
        String name = split >= 0 ? label(row.get(split)) : spec.y().get(i);
        sums.computeIfAbsent(name, k -> new LinkedHashMap<>())
            .merge(label, number(row.get(ys.get(i)), spec.y().get(i)), Double::sum);
      }
    }
    List<String> ordered = new ArrayList<>(labels);
    if (spec.type() == ChartSpec.Type.LINE) {
      // Time series: ISO dates and timestamps sort as text; numbers by value.
      ordered.sort(numericX ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
    }
    List<String> names = new ArrayList<>(sums.keySet());
    String note = null;
    if (names.size() > MAX_SERIES) {
      names.sort(Comparator.comparingDouble(
          (String n) -> sums.get(n).values().stream().mapToDouble(Double::doubleValue).sum()).reversed());
      note = "showing the " + MAX_SERIES + " largest of " + names.size() + " series";
      names = names.subList(0, MAX_SERIES);
    }
    List<Series> series = new ArrayList<>();
    for (String name : names) {
      Map<String, Double> byLabel = sums.get(name);
      series.add(new Series(name, ordered.stream().map(l -> byLabel.getOrDefault(l, 0.0)).toList()));
    }
    return new ChartData(spec.type(), ordered, series, note);
  }

  private static int column(String name, QueryResult result) {
    int index = result.columnIndex(name);
    if (index < 0) {
      throw new NotebookException("chart: the result has no column '" + name + "' (its columns: "
          + String.join(", ", result.columns()) + ")");
    }
    return index;
  }

  private static String label(Object value) {
    return value == null ? "(null)" : String.valueOf(value);
  }

  private static double number(Object value, String column) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString());
    } catch (NumberFormatException e) {
      throw new NotebookException("chart: column '" + column + "' holds a value that is not a number");
    }
  }
}
