package dev.tarn.health;

import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.lake.SystemTables;
import dev.tarn.testing.TestLake;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Bookkeeping rows as ingest writes them, for sources of the health tests (ids starting with "health-"). */
public final class HealthFixtures {
  private HealthFixtures() {}

  /** Records that {@code sourceId} had a file ingested at {@code at}, as ingest's ingest_files row does. */
  public static void ingested(String sourceId, String file, Instant at) {
    SparkSession spark = TestLake.spark();
    LakeTables tables = new LakeTables(spark, TestLake.lake());
    tables.ensure(Lake.SYSTEM_DB, SystemTables.INGEST_FILES, SystemTables.INGEST_FILES_TABLE_TYPE, "source_id");
    Row row = RowFactory.create(sourceId, file, 10L, 1L, 1L, 0L, 0L, Map.of("Health.Test", 1L), null,
        Timestamp.from(at.minusSeconds(1)), Timestamp.from(at), "run-" + sourceId, null);
    spark.createDataFrame(List.of(row), SystemTables.INGEST_FILES_TABLE_TYPE).write().format("delta")
        .mode("append").save(tables.path(Lake.SYSTEM_DB, SystemTables.INGEST_FILES));
  }

  /** The config value of {@code sources} for sources reading empty directories. */
  public static String sources(String... ids) {
    StringBuilder out = new StringBuilder("[");
    for (String id : ids) {
      out.append(out.length() > 1 ? ", " : "").append("{id: ").append(id).append(", location: '")
          .append(TestLake.newDirectory(id)).append("', logTypes: [AWS.CloudTrail]}");
    }
    return out.append("]").toString();
  }

  /** The subjects of the health findings of one alarm among {@code subjects}. */
  public static List<String> findings(String alarmId, String... subjects) {
    String path = TestLake.lake().tablePath(SystemFindings.DATABASE, SystemFindings.TABLE);
    return TestLake.spark().read().format("delta").load(path)
        .where(org.apache.spark.sql.functions.col("p_rule_id").equalTo(alarmId)
            .and(org.apache.spark.sql.functions.col("p_alert_dedup").isin((Object[]) subjects)))
        .select("p_alert_dedup").collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
  }
}
