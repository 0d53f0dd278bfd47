package dev.tarn.quality;

import static java.util.Objects.requireNonNull;

import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import dev.tarn.lake.Lake;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The Deequ metrics repository of one table: every metric the quality job computed for each of its daily
 * partitions, under {@code <lake>/tarn_system/deequ/<database>/<table>/metrics.json} (Hadoop FS, so local and s3a
 * lakes alike). Results are keyed by the partition's date (midnight UTC, in ms) with tags {@code table} and
 * {@code p_date}; re-checking a day merges into its entry, so the history holds one entry per table and day.
 *
 * <p>One file per table rather than one for the lake: Deequ rewrites the whole file on every save, so per-table files
 * keep each save proportional to one table's history, and checks of different tables never overwrite each other.
 */
public final class MetricsHistory {
  public static final String TABLE_TAG = "table";
  public static final String DATE_TAG = "p_date";

  private final String table;
  private final FileSystemMetricsRepository repository;

  /** @param table {@code database.table} */
  public MetricsHistory(SparkSession spark, Lake lake, String table) {
    this.table = requireNonNull(table, "table is null");
    this.repository = new FileSystemMetricsRepository(requireNonNull(spark, "spark is null"), path(lake, table));
  }

  /** Where the table's metrics live. */
  public static String path(Lake lake, String table) {
    int dot = table.indexOf('.');
    return lake.databasePath(Lake.SYSTEM_DB) + "/deequ/" + table.substring(0, dot) + "/" + table.substring(dot + 1)
        + "/metrics.json";
  }

  FileSystemMetricsRepository repository() {
    return repository;
  }

  ResultKey key(LocalDate date) {
    return new ResultKey(millis(date), DeequInterop.map(Map.of(TABLE_TAG, table, DATE_TAG, date.toString())));
  }

  static long millis(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  /** The row count recorded for each day (days the quality job never checked are absent). */
  public SortedMap<LocalDate, Long> dailySizes() {
    Size size = new Size(DeequInterop.none());
    SortedMap<LocalDate, Long> sizes = new TreeMap<>();
    for (AnalysisResult result : DeequInterop.javaList(repository.load()
        .withTagValues(DeequInterop.map(Map.of(TABLE_TAG, table))).get())) {
      Optional<Metric<?>> metric = DeequInterop.optional(result.analyzerContext().metric(upcast(size)));
      metric.filter(m -> m.value().isSuccess()).ifPresent(m -> {
        LocalDate date = java.time.Instant.ofEpochMilli(result.resultKey().dataSetDate()).atZone(ZoneOffset.UTC)
            .toLocalDate();
        sizes.put(date, Math.round(((Number) m.value().get()).doubleValue()));
      });
    }
    return sizes;
  }

  /** Every metric recorded for one day, by Deequ's metric name and instance ({@code Completeness p_row_id}). */
  public Map<String, Double> metrics(LocalDate date) {
    Map<String, Double> out = new TreeMap<>();
    DeequInterop.optional(repository.loadByKey(key(date))).ifPresent(context -> {
      for (Metric<?> metric : DeequInterop.javaList(context.allMetrics())) {
        if (metric.value().isSuccess() && metric.value().get() instanceof Number n) {
          out.put(metric.name() + " " + metric.instance(), n.doubleValue());
        }
      }
    });
    return Map.copyOf(out);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static com.amazon.deequ.analyzers.Analyzer<?, Metric<?>> upcast(com.amazon.deequ.analyzers.Analyzer analyzer) {
    return analyzer;
  }
}
