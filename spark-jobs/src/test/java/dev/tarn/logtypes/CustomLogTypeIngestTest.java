package dev.tarn.logtypes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** A user-defined log type is ingested like a built-in one, and a compatible update evolves its table in place. */
class CustomLogTypeIngestTest {

  @Test
  void ingestsACustomTypeAndEvolvesItsTableOnUpdate() throws Exception {
    SparkSession spark = TestLake.spark();
    LogTypeStore store = new LogTypeStore(TestLake.lake().root(), spark.sparkContext().hadoopConfiguration());
    String v1 = LogTypeStoreTest.V1.replace("Custom.App", "Custom.Evolving");
    store.add(v1, "evolving.yml");
    Path landing = TestLake.newDirectory("custom-landing");
    Files.writeString(landing.resolve("a.jsonl"),
        "{\"time\": \"2024-05-01T10:00:00Z\", \"user\": \"alice\", \"detail\": {\"code\": 7}}\n");
    IngestJob job = job(spark, landing);
    job.runOnce();
    assertThat(spark.sql("select user, detail.code from panther_logs.custom_evolving").collectAsList())
        .extracting(Row::toString).containsExactly("[alice,7]");

    store.update(LogTypeStoreTest.V2.replace("Custom.App", "Custom.Evolving"), "evolving.yml", 1);
    Files.writeString(landing.resolve("b.jsonl"),
        "{\"time\": \"2024-05-01T11:00:00Z\", \"user\": \"bob\", \"ip\": \"198.51.100.4\"}\n");
    job(spark, landing).runOnce();
    List<Row> rows = spark.sql("select user, ip, p_any_ip_addresses from panther_logs.custom_evolving order by user")
        .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).isNullAt(1)).as("old rows read the new column as null").isTrue();
    assertThat(rows.get(1).getString(1)).isEqualTo("198.51.100.4");
    assertThat(rows.get(1).getList(2)).containsExactly("198.51.100.4");
  }

  private static IngestJob job(SparkSession spark, Path landing) {
    SourceConfig source = new SourceConfig("custom-src", null, landing.toString(), List.of("Custom.Evolving"),
        Map.of());
    return new IngestJob(spark, new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
        Duration.ofMinutes(1), 100));
  }
}
