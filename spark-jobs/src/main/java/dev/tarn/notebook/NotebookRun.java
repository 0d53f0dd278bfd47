package dev.tarn.notebook;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A notebook run: the parameter values used and each cell's outcome, in order. */
public record NotebookRun(Notebook notebook, Map<String, String> parameters, List<CellOutcome> outcomes) {
  public NotebookRun {
    requireNonNull(notebook, "notebook is null");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    outcomes = List.copyOf(outcomes);
  }

  public List<CellOutcome> failures() {
    return outcomes.stream().filter(CellOutcome::failed).toList();
  }
}
