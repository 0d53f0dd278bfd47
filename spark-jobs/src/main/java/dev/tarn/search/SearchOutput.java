package dev.tarn.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Prints a {@link SearchResult} for people (a text report) or programs (one JSON document). */
public final class SearchOutput {
  /** Event JSON longer than this is cut in the text report; the JSON output always has whole events. */
  static final int EVENT_WIDTH = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SearchOutput() {}

  public static void text(SearchResult result, PrintStream out) {
    IndicatorQuery query = result.query();
    Indicator indicator = query.indicator();
    out.printf(Locale.ROOT, "%s = '%s' (--%s) from %s to %s%n", indicator.column(), indicator.value(),
        indicator.type().option(), query.range().from(), query.range().to());
    out.printf(Locale.ROOT, "searched %d table(s) of %s (%s)%s%s%n", result.tablesSearched().size(), query.database(),
        result.engine() == SearchEngine.LOCAL ? "in-process" : "on Spark",
        query.logTypes().isEmpty() ? "" : " for log types " + String.join(", ", query.logTypes().stream().sorted()
            .toList()),
        result.tablesWithoutColumn().isEmpty() ? ""
            : "; without " + indicator.column() + ": " + String.join(", ", result.tablesWithoutColumn()));
    for (LogTypeMatches group : result.logTypes()) {
      out.println();
      out.printf(Locale.ROOT, "%s: %,d match%s%s%n", group.logType(), group.count(), group.count() == 1 ? "" : "es",
          group.matches().size() < group.count() ? " (latest " + group.matches().size() + " shown)" : "");
      for (SearchMatch match : group.matches()) {
        String event = match.eventJson().length() > EVENT_WIDTH
            ? match.eventJson().substring(0, EVENT_WIDTH - 3) + "..." : match.eventJson();
        out.printf(Locale.ROOT, "  %s  %s  %s  %s%n", match.eventTime(), match.rowId(),
            match.sourceLabel() == null ? "-" : match.sourceLabel(), event);
      }
    }
    out.println();
    out.printf(Locale.ROOT, "total: %,d match%s in %d log type(s)%n", result.total(),
        result.total() == 1 ? "" : "es", result.logTypes().size());
  }

  public static void json(SearchResult result, PrintStream out) {
    IndicatorQuery query = result.query();
    ObjectNode root = JSON.createObjectNode();
    root.put("indicator", query.indicator().type().option());
    root.put("column", query.indicator().column());
    root.put("value", query.indicator().value());
    root.put("from", query.range().from().toString());
    root.put("to", query.range().to().toString());
    root.put("database", query.database());
    root.put("engine", result.engine().option());
    ArrayNode logTypes = root.putArray("logTypesRequested");
    query.logTypes().stream().sorted().forEach(logTypes::add);
    ArrayNode searched = root.putArray("tablesSearched");
    result.tablesSearched().forEach(searched::add);
    ArrayNode without = root.putArray("tablesWithoutColumn");
    result.tablesWithoutColumn().forEach(without::add);
    root.put("total", result.total());
    ArrayNode groups = root.putArray("logTypes");
    for (LogTypeMatches group : result.logTypes()) {
      ObjectNode g = groups.addObject();
      g.put("logType", group.logType());
      g.put("count", group.count());
      ArrayNode matches = g.putArray("matches");
      for (SearchMatch match : group.matches()) {
        ObjectNode m = matches.addObject();
        m.put("p_event_time", match.eventTime().toString());
        m.put("p_log_type", match.logType());
        m.put("p_row_id", match.rowId());
        m.put("p_source_label", match.sourceLabel());
        try {
          m.set("event", JSON.readTree(match.eventJson()));
        } catch (JsonProcessingException e) {
          throw new UncheckedIOException("The event of row " + match.rowId() + " is not valid JSON", e);
        }
      }
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
