package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.ConfigLoader;
import dev.tarn.config.TarnConfig;
import dev.tarn.health.HealthFixtures;
import dev.tarn.health.SystemFindings;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * tarn health run in-process (it shares, and leaves running, the tests' session) once over a lake where one source
 * stopped sending, one still sends, one is silent but within its own interval, and a job's latest run failed.
 */
class HealthCommandTest {
  private static int exitCode;

  @BeforeAll
  static void runHealthOnce() {
    Instant now = Instant.now();
    HealthFixtures.ingested("health-stopped", "file:/landing/stopped/a.json", now.minus(Duration.ofHours(3)));
    HealthFixtures.ingested("health-sending", "file:/landing/sending/a.json", now.minus(Duration.ofMinutes(5)));
    HealthFixtures.ingested("health-hourly", "file:/landing/hourly/a.json", now.minus(Duration.ofHours(3)));
    JobRuns.append(TestLake.spark(), new LakeTables(TestLake.spark(), TestLake.lake()), JobRun.of("health-test-job",
        "r1", null, now.minusSeconds(60), now.minusSeconds(30), JobRun.FAILED, "disk full", Map.of()));

    exitCode = TarnCli.execute("health", "--lake", TestLake.lake().root(),
        "--set", "sources=" + HealthFixtures.sources("health-stopped", "health-sending", "health-hourly"),
        "--set", "health.silentAfter={default: 1h, health-hourly: 4h}",
        "--set", "health.volumeAnomalies=false");
  }

  @Test
  void exitsZeroWhenAlarmsWereRecorded() {
    assertThat(exitCode).isZero();
  }

  @Test
  void raisesSourceSilentForTheSourceThatStoppedAndNotForOneStillSending() {
    assertThat(HealthFixtures.findings(SystemFindings.SOURCE_SILENT, "health-stopped", "health-sending"))
        .containsExactly("health-stopped");
  }

  @Test
  void aSourceSilentForLessThanItsOwnIntervalDoesNotFire() {
    assertThat(HealthFixtures.findings(SystemFindings.SOURCE_SILENT, "health-hourly")).isEmpty();
  }

  @Test
  void raisesJobFailedForAJobWhoseLatestRunFailed() {
    assertThat(HealthFixtures.findings(SystemFindings.JOB_FAILED, "health-test-job")).contains("health-test-job");
  }

  @Test
  void writesTheSystemFindingsContractColumns() {
    Row row = TestLake.spark().read().format("delta")
        .load(TestLake.lake().tablePath(SystemFindings.DATABASE, SystemFindings.TABLE))
        .where("p_rule_id = 'Tarn.Health.SourceSilent' AND p_alert_dedup = 'health-stopped'").first();

    assertThat(row.<String>getAs("p_log_type")).isEqualTo("Tarn.Health");
    assertThat(row.<String>getAs("p_row_id")).isEqualTo(row.<String>getAs("p_match_id")).hasSize(64);
    assertThat(row.<String>getAs("p_alert_title")).startsWith("Source health-stopped has sent no data for 3h");
    assertThat(row.<String>getAs("p_alert_severity")).isEqualTo("HIGH");
    assertThat(row.<String>getAs("p_alert_runbook")).isEqualTo("docs/runbooks.md#source-silent");
    assertThat(row.<String>getAs("p_alert_context")).contains("\"signal\":\"source silent\"",
        "\"subject\":\"health-stopped\"", "\"threshold\":3600");
    assertThat(row.getList(row.fieldIndex("p_rule_tags"))).containsExactly("tarn-health");
    assertThat(row.<Integer>getAs("p_rule_dedup_period_minutes")).isEqualTo(60);
    assertThat(row.<Boolean>getAs("p_rule_create_alert")).isTrue();
    assertThat(row.isNullAt(row.fieldIndex("p_alert_destinations"))).isTrue();
  }

  @Test
  void recordsItsOwnRunWithTheCountsOfRulesAndAlarms() {
    List<Map<String, Long>> metrics = TestLake.spark().read().format("delta")
        .load(TestLake.lake().tablePath("tarn_system", "job_runs")).where("job = 'health'")
        .select("metrics").collectAsList().stream().map(r -> r.<String, Long>getJavaMap(0)).toList();
    assertThat(metrics).anySatisfy(m -> assertThat(m).containsEntry("rules_evaluated", 6L)
        .containsKey("alarms_fired"));
  }

  @Test
  void reRunningInTheSameMinuteAppendsNothing() {
    Instant at = Instant.parse("2026-05-04T10:15:20Z");
    HealthFixtures.ingested("health-rerun", "file:/landing/rerun/a.json", at.minus(Duration.ofHours(2)));
    TarnConfig config = ConfigLoader.load(null, Map.of(), List.of("lake=" + TestLake.lake().root(),
        "sources=" + HealthFixtures.sources("health-rerun"), "health.volumeAnomalies=false"));
    HealthCommand command = new HealthCommand();

    command.run(TestLake.spark(), TestLake.lake(), config, Clock.fixed(at, ZoneOffset.UTC));
    command.run(TestLake.spark(), TestLake.lake(), config, Clock.fixed(at.plusSeconds(30), ZoneOffset.UTC));

    assertThat(HealthFixtures.findings(SystemFindings.SOURCE_SILENT, "health-rerun")).hasSize(1);
  }

  @Test
  void refusesALakeThatDoesNotExist() {
    int code = TarnCli.execute("health", "--lake", TestLake.newDirectory("health-none").resolve("lake").toString());

    assertThat(code).isEqualTo(2);
  }
}
