package dev.tarn.maintain;

import static dev.tarn.maintain.MaintainFixtures.append;
import static dev.tarn.maintain.MaintainFixtures.job;
import static dev.tarn.maintain.MaintainFixtures.spark;
import static dev.tarn.maintain.MaintainFixtures.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MaintainJobTest {
  private static TableRef healthy;
  private static TableRef strict;
  private static MaintainReport report;

  /** Two tables: one healthy, one whose own VACUUM limit (30 days) is above the run's 168h, so it fails. */
  @BeforeAll
  static void runMaintainOnTwoTables() {
    healthy = table("maint_job", "healthy");
    append(healthy, Instant.parse("2024-03-01T10:00:00Z"), 4, 2);
    strict = table("maint_job", "strict");
    spark().sql("ALTER TABLE delta.`" + strict.path() + "` SET TBLPROPERTIES "
        + "('delta.deletedFileRetentionDuration' = 'interval 30 days')");
    append(strict, Instant.parse("2024-03-01T10:00:00Z"), 1, 2);
    report = job(MaintainConfig.defaults(), Instant.now())
        .run(MaintainOptions.all().onTables(List.of(strict.name(), healthy.name())));
  }

  private static Row jobRun(TableRef table) {
    return spark().sql("select status, message, metrics from tarn_system.job_runs where job = 'maintain' "
        + "and run_id = '" + report.runId() + "' and source_id = '" + table.name() + "'").first();
  }

  @Test
  void recordsOneJobRunPerTableWithItsMetrics() {
    assertThat(spark().sql("select * from tarn_system.job_runs where run_id = '" + report.runId() + "'").count())
        .isEqualTo(2);
    Row run = jobRun(healthy);
    assertThat(run.getString(0)).isEqualTo("succeeded");
    Map<String, Long> metrics = run.getJavaMap(2);
    assertThat(metrics).containsEntry("partitions_optimized", 1L).containsEntry("files_compacted", 4L)
        .containsEntry("files_added", 1L).containsKeys("files_vacuumed", "bytes_vacuumed", "conflicts_retried");
  }

  @Test
  void recordsAFailedTableAndStillMaintainsTheOthers() {
    assertThat(report.failed()).isTrue();
    assertThat(report.table(strict.name()).failed()).isTrue();
    assertThat(report.table(healthy.name()).failed()).isFalse();
    Row run = jobRun(strict);
    assertThat(run.getString(0)).isEqualTo("failed");
    assertThat(run.getString(1)).contains("failed in vacuum").contains("720h");
  }

  @Test
  void discoversTheDeltaTablesOfTarnsDatabases() {
    List<String> names = job(MaintainConfig.defaults(), Instant.now()).targets(MaintainOptions.all()).stream()
        .map(TableRef::name).toList();
    assertThat(names).contains("tarn_system.job_runs").doesNotContain(healthy.name());
  }
}
