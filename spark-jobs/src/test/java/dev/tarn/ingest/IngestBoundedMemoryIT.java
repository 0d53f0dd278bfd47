package dev.tarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import dev.tarn.testing.TarnProcess;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Files are streamed, not loaded: one CloudTrail file larger than the whole heap of the ingest JVM is ingested
 * completely. The child JVM exits on the first OutOfMemoryError, so running out of heap fails the test.
 */
class IngestBoundedMemoryIT {
  private static final long FILE_BYTES = 300L * 1024 * 1024;
  private static final String HEAP = "512m";

  private static Path work;
  private static GenerationReport landed;

  @BeforeAll
  static void landOneLargeFile() throws IOException {
    work = TestLake.newDirectory("bounded-memory");
    landed = new LogGenerator(GeneratorOptions.builder().seed(5).types(LogType.CLOUDTRAIL)
        .cloudTrailBytes(FILE_BYTES).filesPerType(1).scenarios("none").build()).write(work.resolve("landing"));
  }

  @AfterAll
  static void deleteTheLargeFileAndItsTable() throws IOException {
    if (work != null) {
      try (Stream<Path> all = Files.walk(work)) {
        all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void ingestsAFileLargerThanTheHeap() throws Exception {
    assertThat(landed.files()).hasSize(1);
    assertThat(Files.size(landed.files().get(0).path())).isGreaterThanOrEqualTo(FILE_BYTES);
    Path lake = work.resolve("lake");

    try (TarnProcess tarn = TarnProcess.builder("ingest-bounded-memory").heap(HEAP)
        .jvmOption("-XX:+ExitOnOutOfMemoryError").workDirectory(work)
        .start("ingest", "--once", "--lake", lake.toString(), "--set",
            "sources=[{id: large-file, location: '" + work.resolve("landing") + "', logTypes: [AWS.CloudTrail]}]")) {
      assertThat(tarn.awaitExit(Duration.ofMinutes(4)))
          .as("exit code of ingest with -Xmx%s; output:%n%s", HEAP, tarn.tail()).isZero();
    }

    long rows = TestLake.spark().read().format("delta").load(lake.resolve("panther_logs/aws_cloudtrail").toString())
        .count();
    assertThat(rows).isEqualTo(landed.eventsOf(LogType.CLOUDTRAIL));
  }
}
