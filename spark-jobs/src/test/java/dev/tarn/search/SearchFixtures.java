package dev.tarn.search;

import dev.tarn.classify.StandardColumns;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.lake.Lake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small log tables shaped as ingest writes them (event columns, p_* columns, p_date partitions), in a test database. */
final class SearchFixtures {
  private final SparkSession spark;
  private final Lake lake;
  private final String database;

  SearchFixtures(SparkSession spark, Lake lake, String database) {
    this.spark = spark;
    this.lake = lake;
    this.database = database;
  }

  /** One event: its name (an event column), time, id and the indicator values it holds. */
  record Event(String name, String time, String rowId, Map<IndicatorKind, List<String>> indicators) {}

  /** Writes {@code events} as the table of {@code logType}, with the p_any columns of {@code kinds}. */
  void table(String logType, Set<IndicatorKind> kinds, List<Event> events) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("eventName", DataTypes.StringType, true));
    fields.addAll(StandardColumns.fields(kinds.isEmpty() ? EnumSet.noneOf(IndicatorKind.class)
        : EnumSet.copyOf(kinds)));
    StructType schema = DataTypes.createStructType(fields);
    List<Row> rows = new ArrayList<>();
    for (Event event : events) {
      Instant time = Instant.parse(event.time());
      List<Object> values = new ArrayList<>(List.of(event.name(), logType, event.rowId(), Timestamp.from(time),
          Timestamp.from(time), "test-source", "test source"));
      for (IndicatorKind kind : IndicatorKind.values()) {
        if (kinds.contains(kind)) {
          // Spark converts a java.util.List to an array column.
          values.add(event.indicators().getOrDefault(kind, List.of()));
        }
      }
      values.add(Date.valueOf(time.atOffset(ZoneOffset.UTC).toLocalDate()));
      rows.add(RowFactory.create(values.toArray()));
    }
    spark.createDataFrame(rows, schema).write().format("delta").mode("overwrite")
        .partitionBy(StandardColumns.DATE)
        .save(lake.tablePath(database, dev.tarn.logschema.LogSchema.tableName(logType)));
  }
}
