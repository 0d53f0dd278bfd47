package dev.tarn.ingest;

import java.util.Map;
import java.util.TreeMap;

/** What one run of the ingest job did, per source, for the CLI's summary. Thread-safe. */
public final class IngestStats {
  private final Map<String, BatchTotals> bySource = new TreeMap<>();

  synchronized void add(String sourceId, BatchTotals totals) {
    bySource.merge(sourceId, totals, BatchTotals::plus);
  }

  public synchronized Map<String, BatchTotals> bySource() {
    return Map.copyOf(bySource);
  }

  public synchronized BatchTotals total() {
    return bySource.values().stream().reduce(BatchTotals.EMPTY, BatchTotals::plus);
  }
}
