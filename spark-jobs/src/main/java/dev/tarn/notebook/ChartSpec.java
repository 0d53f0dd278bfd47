package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to draw a cell's result, from a comment line Databricks ignores (its source format carries no visualizations):
 * {@code -- chart: line x=day y=events series=p_log_type} or {@code -- chart: bar x=reason y=lines}. {@code y} may
 * name several columns ({@code y=matches,errors}), each a dataset; {@code series} instead splits one {@code y} column
 * into a dataset per distinct value of that column.
 */
public record ChartSpec(Type type, String x, List<String> y, String series) {
  /** Line charts are for time series (labels sorted), bars for breakdowns (labels in the result's order). */
  public enum Type { LINE, BAR }

  static final String PREFIX = "-- chart:";
  private static final Pattern OPTION = Pattern.compile("(\\w+)=(\\S+)");

  public ChartSpec {
    requireNonNull(type, "type is null");
    requireNonNull(x, "x is null");
    y = List.copyOf(y);
    if (y.isEmpty()) {
      throw new IllegalArgumentException("y is empty");
    }
  }

  /** Parses the text after {@code -- chart:}; {@code where} names the cell for the error message. */
  static ChartSpec parse(String text, String where) {
    String[] words = text.strip().split("\\s+", 2);
    String usage = " (expected e.g. '-- chart: line x=day y=events series=p_log_type' or '-- chart: bar x=reason "
        + "y=lines')";
    Type type;
    try {
      type = Type.valueOf(words[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new NotebookException(where + ": unknown chart type '" + words[0] + "' (line or bar)" + usage);
    }
    String x = null;
    List<String> y = new ArrayList<>();
    String series = null;
    Matcher m = OPTION.matcher(words.length > 1 ? words[1] : "");
    int end = 0;
    while (m.find()) {
      if (!(words.length > 1 ? words[1] : "").substring(end, m.start()).isBlank()) {
        break;
      }
      end = m.end();
      switch (m.group(1)) {
        case "x" -> x = m.group(2);
        case "y" -> y.addAll(List.of(m.group(2).split(",")));
        case "series" -> series = m.group(2);
        default -> throw new NotebookException(where + ": unknown chart option '" + m.group(1) + "'" + usage);
      }
    }
    if (words.length > 1 && !words[1].substring(end).isBlank()) {
      throw new NotebookException(where + ": cannot read chart options '" + words[1].substring(end).strip() + "'"
          + usage);
    }
    if (x == null || y.isEmpty()) {
      throw new NotebookException(where + ": a chart needs x= and y=" + usage);
    }
    if (series != null && y.size() != 1) {
      throw new NotebookException(where + ": a chart with series= takes one y column" + usage);
    }
    return new ChartSpec(type, x, y, series);
  }
}
