package dev.tarn.ingest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/** Totals of a micro-batch, summed from its per-file summary rows. */
public record BatchTotals(long files, long bytes, Map<String, Long> events, long quarantined, long fileErrors) {

  public static final BatchTotals EMPTY = new BatchTotals(0, 0, Map.of(), 0, 0);

  static BatchTotals of(List<Row> summaries) {
    Map<String, Long> events = new TreeMap<>();
    long bytes = 0;
    long quarantined = 0;
    long fileErrors = 0;
    for (Row s : summaries) {
      bytes += s.getLong(s.fieldIndex("bytes"));
      quarantined += s.getLong(s.fieldIndex("lines_quarantined"));
      if (!s.isNullAt(s.fieldIndex("file_error"))) {
        fileErrors++;
      }
      Map<String, Long> perType = s.getJavaMap(s.fieldIndex("events"));
      perType.forEach((k, v) -> events.merge(k, v, Long::sum));
    }
    return new BatchTotals(summaries.size(), bytes, events, quarantined, fileErrors);
  }

  public BatchTotals plus(BatchTotals other) {
    Map<String, Long> events = new TreeMap<>(this.events);
    other.events.forEach((k, v) -> events.merge(k, v, Long::sum));
    return new BatchTotals(files + other.files, bytes + other.bytes, events, quarantined + other.quarantined,
        fileErrors + other.fileErrors);
  }

  public long totalEvents() {
    return events.values().stream().mapToLong(Long::longValue).sum();
  }
}
