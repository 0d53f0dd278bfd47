package dev.tarn.bench;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.tarn.classify.StandardColumns;
import dev.tarn.search.IndicatorQuery;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The baseline: the query one writes without the partition and time predicates, {@code SELECT * FROM t WHERE
 * array_contains(p_any_..., v)} over every log table, every row of every date, all columns, in one job; the time range
 * is applied afterwards, on the driver, to the rows that come back. Returns the in-range count per log type, which
 * must equal the search's.
 */
final class SearchFullScan {
  private SearchFullScan() {}

  static Map<String, Long> run(SparkSession spark, List<String> tablePaths, IndicatorQuery query) {
    String column = query.indicator().column();
    Dataset<Row> all = null;
    for (String path : tablePaths) {
      Dataset<Row> table = spark.read().format("delta").load(path);
      if (!Arrays.asList(table.columns()).contains(column)) {
        continue;
      }
      Column[] event = Arrays.stream(table.columns()).filter(c -> !c.startsWith("p_"))
          .map(c -> col("`" + c + "`")).toArray(Column[]::new);
      Dataset<Row> rows = table.where(array_contains(col(column), query.indicator().value()))
          .select(col(StandardColumns.LOG_TYPE), col(StandardColumns.ROW_ID), col(StandardColumns.EVENT_TIME),
              col(StandardColumns.SOURCE_LABEL), to_json(struct(event)).as("event"));
      all = all == null ? rows : all.unionAll(rows);
    }
    Map<String, Long> counts = new TreeMap<>();
    if (all == null) {
      return counts;
    }
    for (Row row : all.collectAsList()) {
      java.time.Instant time = ((Timestamp) row.get(2)).toInstant();
      if (!time.isBefore(query.range().from()) && time.isBefore(query.range().to())) {
        counts.merge(row.getString(0), 1L, Long::sum);
      }
    }
    return counts;
  }
}
