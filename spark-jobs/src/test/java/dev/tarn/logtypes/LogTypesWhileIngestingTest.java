package dev.tarn.logtypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.logschema.infer.SchemaInference;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

/**
 * The whole custom log type flow against a continuously running ingest job: add, ingest, infer a richer schema,
 * test it, update compatibly (the next micro-batch uses it), be refused an incompatible update and a delete of a
 * type in use, and delete an unused type — all without stopping the job.
 */
class LogTypesWhileIngestingTest {
  private static final String NAME = "Custom.Live";

  @Test
  void managesCustomTypesWhileIngestKeepsRunning() throws Exception {
    SparkSession spark = TestLake.spark();
    LogTypeStore store = new LogTypeStore(TestLake.lake().root(), spark.sparkContext().hadoopConfiguration());
    store.add(LogTypeStoreTest.V1.replace("Custom.App", NAME), "live.yml");
    Path landing = TestLake.newDirectory("live-landing");
    SourceConfig source = new SourceConfig("live-src", null, landing.toString(), List.of(NAME), Map.of());
    IngestJob job = new IngestJob(spark, new TarnConfig(TestLake.lake().root(), landing.toString(),
        List.of(source), Duration.ofSeconds(1), 100));
    List<StreamingQuery> queries = job.start(false);
    try {
      Files.writeString(landing.resolve("1.jsonl"), "{\"time\": \"2024-05-02T10:00:00Z\", \"user\": \"carol\"}\n");
      awaitRows(spark, "user = 'carol'");

      List<String> samples = List.of(
          "{\"time\": \"2024-05-02T11:00:00Z\", \"user\": \"dave\", \"ip\": \"192.0.2.9\"}",
          "{\"time\": \"2024-05-02T11:05:00Z\", \"user\": \"erin\", \"ip\": \"192.0.2.10\"}");
      String inferred = SchemaInference.inferYaml(NAME, samples);
      assertThat(inferred).contains("name: ip").contains("- ip");

      String v2 = LogTypeStoreTest.V2.replace("Custom.App", NAME);
      LogType candidate = new LogType(LogSchemaReader.read(v2, "live-v2.yml"));
      Classifier test = new Classifier(List.of(candidate));
      test.classify(samples.get(0), 1, new RowContext("test", null, "samples", 0));
      assertThat(test.accepted()).as(test.rejection()).isTrue();

      assertThat(store.update(v2, "live-v2.yml", 1).revision()).isEqualTo(2);
      assertThatThrownBy(() -> store.update(v2.replace("type: int", "type: string"), "live-v3.yml", 2))
          .hasMessageContaining("changed type");
      Files.writeString(landing.resolve("2.jsonl"), samples.get(0) + "\n");
      awaitRows(spark, "ip = '192.0.2.9'");

      assertThatThrownBy(() -> store.delete(NAME, List.of(source))).hasMessageContaining("live-src");
      store.add(LogTypeStoreTest.V1.replace("Custom.App", "Custom.Unused"), "unused.yml");
      store.delete("Custom.Unused", List.of(source));
      assertThat(store.get("Custom.Unused")).isEmpty();
      assertThat(queries).allSatisfy(q -> assertThat(q.isActive()).isTrue());
    } finally {
      for (StreamingQuery q : queries) {
        q.stop();
      }
    }
  }

  private static void awaitRows(SparkSession spark, String condition) throws InterruptedException {
    String path = TestLake.lake().tablePath(Lake.LOGS_DB, "custom_live");
    BooleanSupplier present = () -> {
      try {
        return Files.exists(Path.of(path, "_delta_log"))
            && spark.read().format("delta").load(path).where(condition).count() > 0;
      } catch (Exception e) {
        return false; // the column may not exist until the next micro-batch evolves the table
      }
    };
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!present.getAsBoolean()) {
      assertThat(System.nanoTime()).as("rows where %s within 3 minutes", condition).isLessThan(deadline);
      Thread.sleep(1000);
    }
  }
}
