package dev.tarn.requeue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.classify.RowContext;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import dev.tarn.logtypes.LogTypeStore;
import dev.tarn.testing.TestLake;
import io.delta.tables.DeltaTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lines quarantined by a real ingest under too strict schemas (a required field most lines lack), then requeued after
 * the schemas are fixed: first one log type alone, then the other source's lines, then the same again.
 */
class RequeueJobTest {
  private static final String STRICT = """
      schema: Custom.%s
      fields:
        - name: time
          type: timestamp
          timeFormat: rfc3339
          isEventTime: true
        - name: user
          type: string
        - name: code
          type: int
          required: true
      """;
  private static SparkSession spark;
  private static String fileA;
  private static RequeueResult byType;
  private static long strictRowsAfterByType;
  private static RequeueResult bySource;
  private static String bySourceOutput;
  private static RequeueResult again;
  private static long[] versionsBeforeAgain;
  private static long[] versionsAfterAgain;

  @BeforeAll
  static void quarantineAndRequeue() throws Exception {
    spark = TestLake.spark();
    LogTypeStore store = new LogTypeStore(TestLake.lake().root(), spark.sparkContext().hadoopConfiguration());
    store.add(STRICT.formatted("RqStrict"), "strict.yml");
    store.add(STRICT.formatted("RqOther"), "other.yml");
    Path landingA = TestLake.newDirectory("rq-a");
    Path landingB = TestLake.newDirectory("rq-b");
    Files.writeString(landingA.resolve("a.jsonl"), event("ann", ", \"code\": 1") + event("bob", "")
        + "not json at all\n" + event("x".repeat(70_000), "") + event("cat", ""));
    Files.writeString(landingB.resolve("b.jsonl"), event("dan", "") + event("eve", ", \"code\": 2"));
    fileA = "file:" + landingA.resolve("a.jsonl");
    List<SourceConfig> sources = List.of(
        new SourceConfig("rq-a", "Requeue A", landingA.toString(), List.of("Custom.RqStrict"), Map.of()),
        new SourceConfig("rq-b", null, landingB.toString(), List.of("Custom.RqOther"), Map.of()));
    TarnConfig config = new TarnConfig(TestLake.lake().root(), landingA.toString(), sources, Duration.ofMinutes(1),
        100);
    new IngestJob(spark, config).runOnce();

    store.update(STRICT.formatted("RqStrict").replace("required: true", "required: false"), "strict.yml", 1);
    store.update(STRICT.formatted("RqOther").replace("required: true", "required: false"), "other.yml", 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RequeueJob job = new RequeueJob(spark, config, new PrintStream(out, true, StandardCharsets.UTF_8));
    byType = job.run(new RequeueOptions("Custom.RqOther", null, null, false));
    strictRowsAfterByType = count("panther_logs.custom_rqstrict", "p_source_id", "rq-a");
    out.reset();
    bySource = job.run(new RequeueOptions(null, null, "rq-a", false));
    bySourceOutput = out.toString(StandardCharsets.UTF_8);
    versionsBeforeAgain = versions();
    again = job.run(new RequeueOptions(null, null, "rq-a", false));
    versionsAfterAgain = versions();
  }

  @Test
  void movesLinesThatNowParseIntoTheirTableWithTheRowIdIngestWouldHaveGiven() {
    assertThat(bySource.requeued()).isEqualTo(2);
    assertThat(bySource.events()).containsEntry("Custom.RqStrict", 2L);
    List<Row> rows = spark.sql("select user, p_row_id, p_source_label from panther_logs.custom_rqstrict "
        + "where p_source_id = 'rq-a' order by user").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("ann", "bob", "cat");
    RowContext context = new RowContext("rq-a", "Requeue A", fileA, 0);
    assertThat(rows.get(1).getString(1)).isEqualTo(context.rowId(2, 0).toString());
    assertThat(rows.get(2).getString(1)).isEqualTo(context.rowId(5, 0).toString());
    assertThat(rows.get(1).getString(2)).isEqualTo("Requeue A");
  }

  @Test
  void keepsOnlyTheStillBadLinesInQuarantineWithTheirNewReason() {
    List<Row> left = spark.sql("select line, reason from tarn_system.quarantine where source_id = 'rq-a' "
        + "order by line").collectAsList();
    assertThat(left).extracting(r -> r.getLong(0)).containsExactly(3L, 4L);
    assertThat(left.get(0).getString(1)).startsWith("Custom.RqStrict: ");
    assertThat(left.get(1).getString(1))
        .startsWith("cannot re-parse: quarantine kept only 65536 of the line's ")
        .contains("tarn backfill --source rq-a --prefix '" + fileA + "' --force");
  }

  @Test
  void reconcilesAndPrintsItsCounts() {
    assertThat(bySource.selected()).isEqualTo(4);
    assertThat(bySource.requeued() + bySource.skipped() + bySource.stillQuarantined()).isEqualTo(bySource.selected());
    assertThat(bySource.stillQuarantined()).isEqualTo(2);
    assertThat(bySource.notReparsable()).isEqualTo(1);
    assertThat(bySourceOutput).contains("4 quarantined lines selected: 2 moved into log tables (2 events)")
        .contains("2 still quarantined (1 cannot be re-parsed");
    Row run = spark.sql("select metrics from tarn_system.job_runs where job = 'requeue' and source_id = 'rq-a' "
        + "order by started").first();
    assertThat(run.<String, Long>getJavaMap(0)).containsEntry("selected", 4L).containsEntry("requeued", 2L)
        .containsEntry("still_quarantined", 2L);
  }

  @Test
  void aSecondRunChangesNothing() {
    assertThat(again.selected()).isEqualTo(2);
    assertThat(again.requeued()).isZero();
    assertThat(again.reasonsChanged()).isZero();
    assertThat(versionsAfterAgain).isEqualTo(versionsBeforeAgain);
    assertThat(count("panther_logs.custom_rqstrict", "p_source_id", "rq-a")).isEqualTo(3);
  }

  @Test
  void withALogTypeRequeuesOnlyLinesOfThatType() {
    assertThat(byType.selected()).isEqualTo(1);
    assertThat(byType.events()).containsOnlyKeys("Custom.RqOther").containsEntry("Custom.RqOther", 1L);
    assertThat(count("panther_logs.custom_rqother", "p_source_id", "rq-b")).isEqualTo(2);
    assertThat(strictRowsAfterByType).as("rq-a's lines were not touched").isEqualTo(1);
    assertThat(count("tarn_system.quarantine", "source_id", "rq-b")).isZero();
  }

  private static String event(String user, String extra) {
    return "{\"time\": \"2024-07-01T10:00:00Z\", \"user\": \"" + user + "\"" + extra + "}\n";
  }

  private static long count(String table, String column, String value) {
    return spark.sql("select count(*) from " + table + " where " + column + " = '" + value + "'").first().getLong(0);
  }

  /** Delta versions of the quarantine and of the strict type's table. */
  private static long[] versions() {
    return new long[] {version(TestLake.lake().tablePath(Lake.SYSTEM_DB, "quarantine")),
        version(TestLake.lake().tablePath(Lake.LOGS_DB, "custom_rqstrict"))};
  }

  private static long version(String path) {
    return DeltaTable.forPath(spark, path).history(1).first().getAs("version");
  }
}
