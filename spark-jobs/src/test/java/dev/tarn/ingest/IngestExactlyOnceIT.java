package dev.tarn.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import dev.tarn.generate.WrittenFile;
import dev.tarn.testing.TarnProcess;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Killing the ingest job at any point and restarting it loses no rows and duplicates none. The job runs in a child
 * JVM, one file per micro-batch, and is killed twice: right after its first commit to the CloudTrail table (the
 * table's creation, inside batch 0), and right after batch 1's append to it, before that batch's bookkeeping and
 * offsets are committed, so the third run re-runs batch 1; the third run finishes.
 */
class IngestExactlyOnceIT {
  private static final int FILES = 6;
  private static final long EVENTS = FILES * 300;
  /** Generous bounds: a shared 2-core CI machine can be several times slower than usual. */
  private static final Duration START_AND_COMMIT = Duration.ofMinutes(4);
  private static final Duration FINISH = Duration.ofMinutes(5);

  private static GenerationReport landed;
  private static String table;
  private static String ingestFiles;

  @BeforeAll
  static void ingestWithTwoCrashes() throws Exception {
    Path work = TestLake.newDirectory("exactly-once");
    Path lake = work.resolve("lake");
    landed = new LogGenerator(GeneratorOptions.builder().seed(11).types(LogType.CLOUDTRAIL).eventsPerType(EVENTS)
        .filesPerType(FILES).scenarios("none").build()).write(work.resolve("landing"));
    Path log = lake.resolve("panther_logs/aws_cloudtrail/_delta_log");
    table = lake.resolve("panther_logs/aws_cloudtrail").toString();
    ingestFiles = lake.resolve("tarn_system/ingest_files").toString();
    String[] ingest = {"ingest", "--once", "--lake", lake.toString(),
        "--set", "sources=[{id: crash-test, location: '" + work.resolve("landing") + "', logTypes: [AWS.CloudTrail]}]",
        "--set", "ingest.maxFilesPerTrigger=1"};

    try (TarnProcess first = TarnProcess.builder("ingest-exactly-once-1").workDirectory(work).start(ingest)) {
      first.awaitCondition("first commit of the CloudTrail table", START_AND_COMMIT, () -> commits(log) >= 1);
      assertThat(first.kill()).as("the first run was killed while running").isTrue();
    }
    int afterFirst = commits(log);
    try (TarnProcess second = TarnProcess.builder("ingest-exactly-once-2").workDirectory(work).start(ingest)) {
      // The re-run of batch 0 appends, then batch 1 appends: kill before batch 1's bookkeeping and offsets commit.
      second.awaitCondition("the second append to the CloudTrail table", START_AND_COMMIT,
          () -> commits(log) >= afterFirst + 2);
      assertThat(second.kill()).as("the second run was killed while running").isTrue();
    }
    try (TarnProcess third = TarnProcess.builder("ingest-exactly-once-3").workDirectory(work).start(ingest)) {
      assertThat(third.awaitExit(FINISH)).as("exit code of the last run; output:%n%s", third.tail()).isZero();
    }
  }

  @Test
  void everyGeneratedEventIsIngested() {
    assertThat(landed.files()).hasSize(FILES);
    assertThat(TestLake.spark().read().format("delta").load(table).count())
        .isEqualTo(landed.eventsOf(LogType.CLOUDTRAIL));
  }

  @Test
  void noEventIsIngestedTwice() {
    Row ids = TestLake.spark().read().format("delta").load(table)
        .agg(count("*"), countDistinct(col("p_row_id"))).first();
    assertThat(ids.getLong(1)).isEqualTo(ids.getLong(0));
  }

  @Test
  void recordsEveryLandedFileOnce() {
    Dataset<Row> files = TestLake.spark().read().format("delta").load(ingestFiles).select("file");
    List<String> recorded = files.collectAsList().stream().map(row -> fileName(row.getString(0))).toList();
    List<String> written = landed.files().stream().map(WrittenFile::path).map(p -> p.getFileName().toString())
        .toList();
    assertThat(recorded).containsExactlyInAnyOrderElementsOf(written);
  }

  private static String fileName(String uri) {
    return uri.substring(uri.lastIndexOf('/') + 1);
  }

  /** Committed versions of a Delta table, counted from its log directory (0 before it exists). */
  private static int commits(Path log) {
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      return (int) files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
