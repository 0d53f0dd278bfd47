package dev.tarn.maintain;

import static dev.tarn.maintain.MaintainFixtures.append;
import static dev.tarn.maintain.MaintainFixtures.files;
import static dev.tarn.maintain.MaintainFixtures.job;
import static dev.tarn.maintain.MaintainFixtures.paths;
import static dev.tarn.maintain.MaintainFixtures.table;
import static dev.tarn.maintain.MaintainFixtures.version;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactionTest {
  private static final Instant DAY1 = Instant.parse("2024-03-01T10:00:00Z");
  private static final Instant DAY2 = Instant.parse("2024-03-02T10:00:00Z");
  private static final Instant NOW = Instant.parse("2024-03-10T00:00:00Z");
  private static final MaintainOptions OPTIMIZE_ONLY =
      new MaintainOptions(List.of(), false, null, false, true, false, true);

  private static TableOutcome optimize(TableRef table) {
    return job(MaintainConfig.defaults(), NOW).run(OPTIMIZE_ONLY.onTables(List.of(table.name())))
        .table(table.name());
  }

  @Test
  void compactsPartitionsWithEnoughSmallFilesIntoOneFileEach() {
    TableRef table = table("maint_compact", "two_days");
    append(table, DAY1, 4, 3);
    append(table, DAY2, 5, 3);

    TableOutcome outcome = optimize(table);

    assertThat(outcome.failed()).as(outcome.message()).isFalse();
    assertThat(outcome.metric("partitions_optimized")).isEqualTo(2);
    assertThat(outcome.metric("files_compacted")).isEqualTo(9);
    assertThat(outcome.metric("files_added")).isEqualTo(2);
    assertThat(files(table, "2024-03-01")).isEqualTo(1);
    assertThat(files(table, "2024-03-02")).isEqualTo(1);
    assertThat(MaintainFixtures.spark().read().format("delta").load(table.path()).count()).isEqualTo(27);
  }

  @Test
  void leavesCompactPartitionsAloneWithoutANewCommit() {
    TableRef table = table("maint_compact", "already_compact");
    append(table, DAY1, 4, 2);
    optimize(table);
    long version = version(table);

    TableOutcome second = optimize(table);

    assertThat(second.metric("partitions_optimized")).isZero();
    assertThat(second.message()).isEqualTo("nothing to do");
    assertThat(version(table)).isEqualTo(version);
  }

  @Test
  void leavesPartitionsBelowTheSmallFileThresholdAlone() {
    TableRef table = table("maint_compact", "few_files");
    append(table, DAY1, 3, 2);

    assertThat(optimize(table).metric("partitions_optimized")).isZero();
    assertThat(files(table, "2024-03-01")).isEqualTo(3);
  }

  @Test
  void recompactsOnlyThePartitionThatReceivedEnoughLateData() {
    TableRef table = table("maint_compact", "late_data");
    append(table, DAY1, 4, 2);
    append(table, DAY2, 4, 2);
    optimize(table);
    List<String> day2 = paths(table, "2024-03-02");

    append(table, DAY1, 2, 1); // late: 3 small files now, below the threshold of 4
    assertThat(optimize(table).metric("partitions_optimized")).isZero();
    append(table, DAY1, 1, 1); // 4 small files: eligible again
    TableOutcome outcome = optimize(table);

    assertThat(outcome.metric("partitions_optimized")).isEqualTo(1);
    assertThat(outcome.metric("files_compacted")).isEqualTo(4);
    assertThat(files(table, "2024-03-01")).isEqualTo(1);
    assertThat(paths(table, "2024-03-02")).isEqualTo(day2);
  }

  @Test
  void zordersByEventTimeWhenTheTableKeepsItsStatistics() {
    TableRef table = table("maint_compact", "zordered");
    append(table, DAY1, 4, 2);

    TableOutcome outcome = optimize(table);

    assertThat(outcome.message()).contains("ZORDER BY p_event_time");
    assertThat(MaintainFixtures.spark().sql("DESCRIBE HISTORY delta.`" + table.path() + "`")
        .where("operation = 'OPTIMIZE'").first().<String, String>getJavaMap(
            MaintainFixtures.spark().sql("DESCRIBE HISTORY delta.`" + table.path() + "`").schema()
                .fieldIndex("operationParameters")).get("zOrderBy")).isEqualTo("[\"p_event_time\"]");
  }

  @Test
  void fallsBackToPlainCompactionWhenTheZorderColumnHasNoStatistics() {
    TableRef table = table("maint_compact", "no_stats");
    MaintainFixtures.spark().sql("ALTER TABLE delta.`" + table.path() + "` SET TBLPROPERTIES "
        + "('delta.dataSkippingStatsColumns' = 'id')");
    append(table, DAY1, 4, 2);

    TableOutcome outcome = optimize(table);

    assertThat(outcome.failed()).as(outcome.message()).isFalse();
    assertThat(outcome.message()).contains("no ZORDER");
    assertThat(files(table, "2024-03-01")).isEqualTo(1);
  }
}
