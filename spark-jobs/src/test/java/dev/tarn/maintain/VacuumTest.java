package dev.tarn.maintain;

import static dev.tarn.maintain.MaintainFixtures.append;
import static dev.tarn.maintain.MaintainFixtures.job;
import static dev.tarn.maintain.MaintainFixtures.spark;
import static dev.tarn.maintain.MaintainFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VacuumTest {
  private static final Instant DAY = Instant.parse("2024-03-01T10:00:00Z");

  private static MaintainOptions vacuumOnly(TableRef table, Duration retention, boolean force) {
    return new MaintainOptions(List.of(table.name()), false, retention, force, false, true, true);
  }

  /** A table whose 4 small files were just compacted into one: 4 unreferenced files, removed moments ago. */
  private static TableRef compacted(String name) {
    TableRef table = table("maint_vacuum", name);
    append(table, DAY, 4, 2);
    job(MaintainConfig.defaults(), Instant.now())
        .run(new MaintainOptions(List.of(table.name()), false, null, false, true, false, true));
    return table;
  }

  private static long dataFiles(TableRef table) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(table.path()))) {
      return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".parquet"))
          .filter(p -> !p.toString().contains("_delta_log")).count();
    }
  }

  @Test
  void refusesARetentionBelowTheSafetyLimitWithoutForce() throws IOException {
    TableRef table = compacted("refused");

    TableOutcome outcome = job(MaintainConfig.defaults(), Instant.now())
        .run(vacuumOnly(table, Duration.ofHours(1), false)).table(table.name());

    assertThat(outcome.failed()).isTrue();
    assertThat(outcome.message()).contains("refused").contains("168h").contains("--force");
    assertThat(dataFiles(table)).isEqualTo(5);
  }

  @Test
  void deletesUnreferencedFilesBelowTheLimitWhenForcedAndRestoresTheCheck() throws IOException {
    TableRef table = compacted("forced");
    scala.Option<String> before = spark().conf().getOption(Vacuum.CHECK_KEY);

    TableOutcome outcome = job(MaintainConfig.defaults(), Instant.now())
        .run(vacuumOnly(table, Duration.ZERO, true)).table(table.name());

    assertThat(outcome.failed()).as(outcome.message()).isFalse();
    assertThat(outcome.metric("files_vacuumed")).isEqualTo(4);
    assertThat(outcome.metric("bytes_vacuumed")).isPositive();
    assertThat(dataFiles(table)).isEqualTo(1);
    assertThat(spark().read().format("delta").load(table.path()).count()).isEqualTo(8);
    assertThat(spark().conf().getOption(Vacuum.CHECK_KEY)).isEqualTo(before);
  }

  @Test
  void theDefaultRetentionDeletesOnlyOldUnreferencedFiles() throws IOException {
    TableRef table = compacted("default_retention");
    Path partition = Path.of(table.path(), "p_date=2024-03-01");
    Path oldOrphan = Files.writeString(partition.resolve("part-old-orphan.parquet"), "left by a failed write");
    Path newOrphan = Files.writeString(partition.resolve("part-new-orphan.parquet"), "being written right now");
    Files.setLastModifiedTime(oldOrphan,
        java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(8))));

    TableOutcome outcome = job(MaintainConfig.defaults(), Instant.now())
        .run(vacuumOnly(table, null, false)).table(table.name());

    assertThat(outcome.failed()).as(outcome.message()).isFalse();
    assertThat(outcome.metric("files_vacuumed")).isEqualTo(1);
    assertThat(oldOrphan).doesNotExist();
    assertThat(newOrphan).exists();
    assertThat(dataFiles(table)).isEqualTo(6); // 1 compacted + 4 removed moments ago + the new orphan
  }
}
