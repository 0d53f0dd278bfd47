package dev.tarn.maintain;

import dev.tarn.config.MaintainConfig;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Small log-shaped Delta tables in test databases, written one file per append. */
final class MaintainFixtures {
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.LongType)
      .add("message", DataTypes.StringType)
      .add("p_event_time", DataTypes.TimestampType)
      .add("p_date", DataTypes.DateType);

  private MaintainFixtures() {}

  static SparkSession spark() {
    return TestLake.spark();
  }

  /** A new table partitioned by p_date with statistics on p_event_time, as ingest creates log tables. */
  static TableRef table(String database, String table) {
    LakeTables tables = new LakeTables(spark(), TestLake.lake());
    tables.ensure(database, table, SCHEMA, "p_date", List.of("p_event_time"));
    return new TableRef(database, table, tables.path(database, table));
  }

  /** Appends {@code files} files of {@code rowsPerFile} rows at the given event time, in one commit. */
  static void append(TableRef table, Instant eventTime, int files, int rowsPerFile) {
    // One range partition per file, written without a shuffle: exactly {@code files} files.
    spark().range(0, (long) files * rowsPerFile, 1, files).selectExpr("id", "concat('event ', id) as message",
        "timestamp_seconds(" + eventTime.getEpochSecond() + ") as p_event_time",
        "date'" + eventTime.atOffset(java.time.ZoneOffset.UTC).toLocalDate() + "' as p_date")
        .write().format("delta").mode("append").save(table.path());
  }

  static long version(TableRef table) {
    return TableSnapshot.latest(spark(), table.path()).version();
  }

  static long files(TableRef table, String day) {
    return TableSnapshot.latest(spark(), table.path()).files()
        .where("partitionValues['p_date'] = '" + day + "'").count();
  }

  static List<String> paths(TableRef table, String day) {
    return TableSnapshot.latest(spark(), table.path()).files()
        .where("partitionValues['p_date'] = '" + day + "'").select("path").as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  static MaintainJob job(MaintainConfig config, Instant now) {
    return new MaintainJob(spark(), TestLake.lake(), config, Clock.fixed(now, java.time.ZoneOffset.UTC));
  }

  static MaintainOptions only(TableRef table) {
    return MaintainOptions.all().onTables(List.of(table.name()));
  }
}
