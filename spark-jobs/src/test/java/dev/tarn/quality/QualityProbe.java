package dev.tarn.quality;

import dev.tarn.lake.Lake;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.testing.TestLake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A small custom log type and its tables, written as Delta tables in a test's own database. */
final class QualityProbe {
  static final LogSchema SCHEMA = LogSchemaReader.read("""
      schema: Custom.QualityProbe
      fields:
        - name: id
          type: string
          required: true
        - name: actor
          type: object
          fields:
            - name: name
              type: string
              required: true
            - name: role
              type: string
        - name: ts
          type: timestamp
          timeFormat: rfc3339
          isEventTime: true
      """, "quality-probe.yml");
  static final LogTypeRegistry REGISTRY = LogTypeRegistry.builtin().with(List.of(SCHEMA));
  static final String TABLE = "custom_qualityprobe";

  static final int ID = 0;
  static final int ACTOR = 1;
  static final int LOG_TYPE = 2;
  static final int ROW_ID = 3;
  static final int EVENT_TIME = 4;
  static final int IPS = 8;

  static final StructType TYPE = new StructType()
      .add("id", DataTypes.StringType)
      .add("actor", new StructType().add("name", DataTypes.StringType).add("role", DataTypes.StringType))
      .add("p_log_type", DataTypes.StringType)
      .add("p_row_id", DataTypes.StringType)
      .add("p_event_time", DataTypes.TimestampType)
      .add("p_parse_time", DataTypes.TimestampType)
      .add("p_source_id", DataTypes.StringType)
      .add("p_source_label", DataTypes.StringType)
      .add("p_any_ip_addresses", DataTypes.createArrayType(DataTypes.StringType))
      .add("p_date", DataTypes.DateType);

  private QualityProbe() {}

  /** A well-formed event {@code n} of {@code day}; tests change one value to break one check. */
  static Object[] event(int n, LocalDate day) {
    Timestamp time = Timestamp.from(day.atTime(10, 0).toInstant(ZoneOffset.UTC).plusSeconds(n));
    return new Object[] {"id-" + n, RowFactory.create("user-" + n, "admin"), SCHEMA.name(), day + "-row-" + n, time,
        time, "probe", "Probe", Arrays.asList("10.0.0." + (n % 250), "192.0.2.1"), Date.valueOf(day)};
  }

  /** {@code count} well-formed events on {@code day}. */
  static List<Object[]> events(int count, LocalDate day) {
    List<Object[]> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(event(i, day));
    }
    return out;
  }

  /** Writes the events as {@code database.custom_qualityprobe} (replacing its rows) and returns that name. */
  static String write(String database, List<Object[]> events) {
    SparkSession spark = TestLake.spark();
    Lake lake = TestLake.lake();
    spark.sql("CREATE DATABASE IF NOT EXISTS `" + database + "` LOCATION '" + lake.databasePath(database) + "'");
    List<Row> rows = events.stream().map(RowFactory::create).toList();
    String path = lake.tablePath(database, TABLE);
    spark.createDataFrame(rows, TYPE).write().format("delta").mode("overwrite").partitionBy("p_date").save(path);
    spark.sql("CREATE TABLE IF NOT EXISTS `" + database + "`." + TABLE + " USING delta LOCATION '" + path + "'");
    return database + "." + TABLE;
  }
}
