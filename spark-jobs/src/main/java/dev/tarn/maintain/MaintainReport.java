package dev.tarn.maintain;

import java.util.List;

/** The outcome of one maintain run, table by table. */
public record MaintainReport(String runId, List<TableOutcome> tables) {
  public MaintainReport {
    tables = List.copyOf(tables);
  }

  public boolean failed() {
    return tables.stream().anyMatch(TableOutcome::failed);
  }

  public TableOutcome table(String name) {
    return tables.stream().filter(t -> t.table().name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No outcome for " + name));
  }
}
