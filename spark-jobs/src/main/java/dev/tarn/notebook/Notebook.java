package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A parsed SQL notebook in Databricks source format: its cells and the widgets (parameters) they declare. */
public record Notebook(String name, List<NotebookCell> cells, List<Widget> widgets) {
  public Notebook {
    requireNonNull(name, "name is null");
    cells = List.copyOf(cells);
    widgets = List.copyOf(widgets);
  }

  /**
   * The widgets' values: their defaults, overridden by {@code params}. A parameter no widget declares is an error
   * naming the widgets, since a typo would otherwise silently run with the default.
   */
  public Map<String, String> parameterValues(Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>();
    widgets.forEach(w -> values.put(w.name(), w.defaultValue()));
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (!values.containsKey(p.getKey())) {
        throw new NotebookException("notebook " + name + " has no widget '" + p.getKey() + "' ("
            + (widgets.isEmpty() ? "it declares no widgets" : "its widgets: " + widgetNames()) + ")");
      }
      values.put(p.getKey(), p.getValue());
    }
    return Collections.unmodifiableMap(values);
  }

  String widgetNames() {
    return widgets.stream().map(Widget::name).collect(Collectors.joining(", "));
  }
}
