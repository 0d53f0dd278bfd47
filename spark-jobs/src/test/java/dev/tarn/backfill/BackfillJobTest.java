package dev.tarn.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.cli.UserException;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.ingest.MicroBatchIngest.WriteMode;
import dev.tarn.lake.Lake;
import dev.tarn.logtypes.LogTypeStore;
import dev.tarn.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Backfill over a landing directory of a source of its own (one per test), into the Custom.Backfill table. */
class BackfillJobTest {
  private static final String TYPE = """
      schema: Custom.Backfill
      fields:
        - name: time
          type: timestamp
          timeFormat: rfc3339
          isEventTime: true
        - name: user
          type: string
          required: true
      """;
  private static SparkSession spark;
  private static Fixture main;
  private static BackfillResult first;
  private static String firstOutput;
  private static Counts afterFirst;
  private static BackfillResult second;
  private static String secondOutput;
  private static BackfillResult forced;
  private static Counts afterForced;
  private static BackfillResult recovered;
  private static Counts afterRecovery;
  private static Counts afterStreaming;

  /**
   * One source through the life of a backfill, each step's outcome kept for the tests (Spark work is slow, so the
   * steps run once): a first run (two chunks), a second, a forced one, a run after a simulated crash, and then
   * streaming ingest over the same location.
   */
  @BeforeAll
  static void backfill() throws Exception {
    spark = TestLake.spark();
    LogTypeStore store = new LogTypeStore(TestLake.lake().root(), spark.sparkContext().hadoopConfiguration());
    if (store.get("Custom.Backfill").isEmpty()) {
      store.add(TYPE, "backfill.yml");
    }
    main = new Fixture("bf-main", 2);
    first = main.run("logs", null, null, false);
    firstOutput = main.takeOutput();
    afterFirst = main.counts();
    second = main.run("logs", null, null, false);
    secondOutput = main.takeOutput();
    forced = main.run("logs", null, null, true);
    afterForced = main.counts();

    // As if a run stopped after writing a.jsonl's rows but before recording the file.
    String a = main.qualified("logs/year=2024/month=06/day=01/a.jsonl");
    DeltaTable.forPath(spark, TestLake.lake().tablePath(Lake.SYSTEM_DB, "ingest_files"))
        .delete("source_id = '" + main.sourceId + "' and file = '" + a + "'");
    new InFlightChunks(TestLake.lake(), main.sourceId, spark.sparkContext().hadoopConfiguration())
        .begin(BackfillJob.chunkId(main.sourceId, WriteMode.APPEND, List.of(a)), List.of(a));
    recovered = main.run("logs", null, null, false);
    afterRecovery = main.counts();

    new IngestJob(spark, main.config).runOnce();
    afterStreaming = main.counts();
  }

  /** Rows of the source: table rows, distinct row ids, quarantine rows, ingest_files rows. */
  private record Counts(long rows, long rowIds, long quarantined, long files) {}

  @Test
  void ingestsTheFilesUnderThePrefix() {
    assertThat(first.ingested()).isEqualTo(3);
    assertThat(first.totalEvents()).isEqualTo(5);
    assertThat(first.quarantined()).isEqualTo(1);
    assertThat(afterFirst).isEqualTo(new Counts(5, 5, 1, 3));
    Row run = spark.sql("select status, metrics from tarn_system.job_runs where job = 'backfill' and source_id = '"
        + main.sourceId + "' order by started").first();
    assertThat(run.getString(0)).isEqualTo("succeeded");
    assertThat(run.<String, Long>getJavaMap(1)).containsEntry("files", 3L).containsEntry("events", 5L)
        .containsEntry("quarantined", 1L).containsEntry("skipped", 0L);
  }

  @Test
  void aSecondRunSkipsFilesAlreadyIngested() {
    assertThat(second.skipped()).isEqualTo(3);
    assertThat(second.ingested()).isZero();
    assertThat(secondOutput).contains("3 already ingested (skipped)").contains("skipped 3 files already ingested");
  }

  @Test
  void aForcedRunDuplicatesNothing() {
    assertThat(forced.reingested()).isEqualTo(3);
    assertThat(forced.totalEvents()).isEqualTo(5);
    assertThat(afterForced).isEqualTo(afterFirst);
  }

  @Test
  void reingestsTheFilesOfAChunkAnEarlierRunLeftUnfinished() {
    assertThat(recovered.reingested()).isEqualTo(1);
    assertThat(recovered.skipped()).isEqualTo(2);
    assertThat(afterRecovery).isEqualTo(afterFirst);
    assertThat(new InFlightChunks(TestLake.lake(), main.sourceId, spark.sparkContext().hadoopConfiguration())
        .unfinished()).isEmpty();
  }

  @Test
  void streamingIngestLeavesOutFilesBackfillTook() {
    // Only other/d.jsonl, outside the backfilled prefix, is new to streaming ingest.
    assertThat(afterStreaming).isEqualTo(new Counts(6, 6, 1, 4));
  }

  @Test
  void printsAProgressLinePerChunk() {
    List<String> lines = firstOutput.lines().filter(l -> l.matches("backfill \\d+/\\d+ files .*")).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("backfill 2/3 files (66%), 3 events, ");
    assertThat(lines.get(1)).startsWith("backfill 3/3 files (100%), 5 events, ");
    assertThat(lines).allSatisfy(l -> assertThat(l).matches(".* [0-9.]+ files/s, [0-9,]+ events/s, ETA \\w+"));
  }

  @Test
  void selectsFilesByTheDateInTheirPath() throws IOException {
    Fixture f = new Fixture("bf-range", 100);
    BackfillResult result = f.run("logs", Instant.parse("2024-06-02T00:00:00Z"),
        Instant.parse("2024-06-03T00:00:00Z"), false, true);
    assertThat(result.listed()).isEqualTo(3);
    assertThat(result.selected()).isEqualTo(1);
    assertThat(f.takeOutput()).contains("would ingest " + f.qualified("logs/2024/06/02/b.jsonl"));
  }

  @Test
  void refusesAPrefixOutsideTheSourceLocation() throws IOException {
    Path elsewhere = TestLake.newDirectory("bf-elsewhere");
    assertThatThrownBy(() -> main.run(elsewhere.toString(), null, null, false))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("is outside source " + main.sourceId + "'s location");
    assertThatThrownBy(() -> main.run("../x", null, null, false))
        .isInstanceOf(UserException.class).hasMessageContaining("'..' is not allowed");
    assertThatThrownBy(() -> main.run("missing", null, null, false))
        .isInstanceOf(UserException.class).hasMessageContaining("does not exist");
  }

  @Test
  void refusesAnUnknownSourceNamingTheConfiguredOnes() {
    assertThatThrownBy(() -> new BackfillJob(spark, main.config, new PrintStream(main.output), false)
        .run(new BackfillOptions("nope", "logs", null, null, null, false, false)))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("unknown source 'nope'").hasMessageContaining("configured sources: bf-main");
  }

  /** A landing directory with three files under logs/ (one bad line) and one elsewhere, and its source. */
  private static final class Fixture {
    final String sourceId;
    final Path landing;
    final TarnConfig config;
    final ByteArrayOutputStream output = new ByteArrayOutputStream();

    Fixture(String sourceId, int maxFilesPerTrigger) throws IOException {
      this.sourceId = sourceId;
      this.landing = TestLake.newDirectory(sourceId);
      write("logs/year=2024/month=06/day=01/a.jsonl",
          event("2024-06-01T01:00:00Z", "ann") + event("2024-06-01T02:00:00Z", "bob") + "{\"time\": \"x\"}\n");
      write("logs/2024/06/02/b.jsonl", event("2024-06-02T01:00:00Z", "cat") + event("2024-06-02T02:00:00Z", "dan"));
      write("logs/app_20240603T100000Z_c.jsonl", event("2024-06-03T10:00:00Z", "eve"));
      write("other/d.jsonl", event("2024-06-04T10:00:00Z", "fay"));
      SourceConfig source = new SourceConfig(sourceId, null, landing.toString(), List.of("Custom.Backfill"),
          Map.of());
      config = new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source), Duration.ofMinutes(1),
          maxFilesPerTrigger);
    }

    BackfillResult run(String prefix, Instant from, Instant to, boolean force) {
      return run(prefix, from, to, force, false);
    }

    BackfillResult run(String prefix, Instant from, Instant to, boolean force, boolean dryRun) {
      return new BackfillJob(spark, config, new PrintStream(output, true, StandardCharsets.UTF_8), false)
          .run(new BackfillOptions(sourceId, prefix, from, to, 1000.0, force, dryRun));
    }

    String takeOutput() {
      String text = output.toString(StandardCharsets.UTF_8);
      output.reset();
      return text;
    }

    Counts counts() {
      Row logs = spark.sql("select count(*), count(distinct p_row_id) from panther_logs.custom_backfill "
          + "where p_source_id = '" + sourceId + "'").first();
      return new Counts(logs.getLong(0), logs.getLong(1), count("tarn_system.quarantine"),
          count("tarn_system.ingest_files"));
    }

    private long count(String table) {
      return spark.sql("select count(*) from " + table + " where source_id = '" + sourceId + "'").first().getLong(0);
    }

    String qualified(String key) {
      return "file:" + landing.resolve(key);
    }

    private void write(String key, String content) throws IOException {
      Path file = landing.resolve(key);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    }

    private static String event(String time, String user) {
      return "{\"time\": \"" + time + "\", \"user\": \"" + user + "\"}\n";
    }
  }
}
