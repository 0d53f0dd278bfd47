package dev.tarn.ingest;

/** What one run of the ingest job did, over all its sources, for the CLI's summary. Thread-safe. */
public final class IngestStats {
  private BatchTotals total = BatchTotals.EMPTY;

  synchronized void add(BatchTotals batch) {
    total = total.plus(batch);
  }

  public synchronized BatchTotals total() {
    return total;
  }
}
