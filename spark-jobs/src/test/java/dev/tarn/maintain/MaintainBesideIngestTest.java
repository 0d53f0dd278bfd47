package dev.tarn.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

/**
 * Continuous ingest keeps appending to a table while maintain expires its old partition, compacts the partitions
 * receiving the appends and VACUUMs: every landed event must end up in the table exactly once, and neither job fail.
 */
class MaintainBesideIngestTest {
  private static final String SOURCE = "maint-beside-ingest";
  private static final String TABLE = "tines_audit";
  private static final int EVENTS_PER_FILE = 5;
  private static final int MAX_FILES = 20;

  private final SparkSession spark = TestLake.spark();
  private final Path landing = TestLake.newDirectory("maint-landing");
  private final Path staging = TestLake.newDirectory("maint-staging");
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
  private final AtomicInteger nextId = new AtomicInteger();
  private final AtomicInteger files = new AtomicInteger();

  @Test
  void keepsEveryLandedEventExactlyOnceWhileMaintainRuns() throws Exception {
    land(now.minus(Duration.ofDays(400)), 3);           // expired under a 30-day retention
    land(now.minus(Duration.ofDays(1)), EVENTS_PER_FILE);
    SourceConfig source = new SourceConfig(SOURCE, null, landing.toString(), List.of("Tines.Audit"), Map.of());
    IngestJob ingest = new IngestJob(spark, new TarnConfig(TestLake.lake().root(), landing.toString(),
        List.of(source), Duration.ofSeconds(1), 10));
    MaintainJob maintain = new MaintainJob(spark, TestLake.lake(), MaintainConfig.defaults()
        .withRetention(Map.of(TABLE, Duration.ofDays(30))).withCompaction(32L << 20, 2), Clock.systemUTC());
    MaintainOptions options = MaintainOptions.all().onTables(List.of(Lake.LOGS_DB + "." + TABLE));
    List<MaintainReport> reports = new ArrayList<>();
    AtomicBoolean maintaining = new AtomicBoolean(true);
    List<StreamingQuery> queries = ingest.start(false);
    Thread lander = new Thread(() -> {
      // Two partitions keep receiving appends for as long as maintain runs.
      for (int i = 0; maintaining.get() && files.get() < MAX_FILES; i++) {
        land(now.minus(Duration.ofDays(1 + i % 2)), EVENTS_PER_FILE);
        sleep(1000);
      }
    }, "lander");
    try {
      awaitIngestedFiles(2);
      lander.start();
      for (int pass = 0; pass < 2; pass++) {
        reports.add(maintain.run(options));
      }
      maintaining.set(false);
      lander.join();
      awaitIngestedFiles(files.get());
      reports.add(maintain.run(options));
      assertThat(queries).allSatisfy(q -> {
        assertThat(q.exception().isEmpty()).as("ingest query failed: %s", q.exception()).isTrue();
        assertThat(q.isActive()).isTrue();
      });
    } finally {
      maintaining.set(false);
      queries.forEach(MaintainBesideIngestTest::stop);
    }

    assertThat(reports).allSatisfy(r -> assertThat(r.failed()).as(r.tables().toString()).isFalse());
    assertThat(reports.stream().mapToLong(r -> r.table("panther_logs." + TABLE).metric("rows_expired")).sum())
        .isEqualTo(3);
    assertThat(reports.stream().mapToLong(r -> r.table("panther_logs." + TABLE).metric("partitions_optimized"))
        .sum()).isPositive();
    Row counts = spark.sql("select count(*), count(distinct p_row_id), count(distinct id), "
        + "count_if(p_event_time < current_timestamp() - interval 30 days) from panther_logs." + TABLE
        + " where p_source_id = '" + SOURCE + "'").first();
    long expected = (long) (files.get() - 1) * EVENTS_PER_FILE;
    assertThat(files.get()).isGreaterThan(4);
    assertThat(counts.getLong(0)).isEqualTo(expected);
    assertThat(counts.getLong(1)).isEqualTo(expected);
    assertThat(counts.getLong(2)).isEqualTo(expected);
    assertThat(counts.getLong(3)).isZero();
  }

  /** Writes a file of Tines audit events outside the landing zone and moves it in whole. */
  private void land(Instant time, int events) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < events; i++) {
      lines.append("{\"id\": ").append(nextId.getAndIncrement()).append(", \"created_at\": \"").append(time)
          .append("\", \"operation_name\": \"StoryUpdate\"}\n");
    }
    try {
      String name = "audit-" + files.incrementAndGet() + ".jsonl";
      Path file = Files.writeString(staging.resolve(name), lines);
      Files.move(file, landing.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitIngestedFiles(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (ingestedFiles() < expected) {
      assertThat(System.nanoTime()).as("%d files ingested within 4 minutes", expected).isLessThan(deadline);
      Thread.sleep(1000);
    }
  }

  private long ingestedFiles() {
    if (!Files.exists(Path.of(TestLake.lake().tablePath(Lake.SYSTEM_DB, "ingest_files"), "_delta_log"))) {
      return 0;
    }
    return spark.read().format("delta").load(TestLake.lake().tablePath(Lake.SYSTEM_DB, "ingest_files"))
        .where("source_id = '" + SOURCE + "'").count();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(StreamingQuery query) {
    try {
      query.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
