package dev.tarn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class QualityJobTest {
  private static final LocalDate DAY = LocalDate.parse("2026-03-10");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);

  private static QualityReport check(String table) {
    return new QualityJob(TestLake.spark(), TestLake.lake(), QualityProbe.REGISTRY, CLOCK, VolumeAnomalyPolicy.DEFAULT)
        .run(List.of(table), List.of(DAY));
  }

  /** Status by check name. */
  private static Map<String, String> statuses(QualityReport report) {
    return report.results().stream().collect(Collectors.toMap(QualityResult::check, QualityResult::status));
  }

  /** The names of the checks that failed (or could not run). */
  private static List<String> problems(QualityReport report) {
    return report.results().stream().filter(QualityResult::problem).map(QualityResult::check).toList();
  }

  @Test
  void passesEveryCheckOnACleanTable() {
    List<Object[]> events = QualityProbe.events(5, DAY);
    events.get(0)[QualityProbe.ACTOR] = null;  // an absent optional object need not hold its required fields
    events.get(1)[QualityProbe.IPS] = null;
    QualityReport report = check(QualityProbe.write("quality_clean", events));

    assertThat(problems(report)).isEmpty();
    assertThat(statuses(report)).containsOnlyKeys("p_event_time complete", "p_row_id complete", "p_row_id unique",
        "p_log_type is Custom.QualityProbe", "p_any_ip_addresses well-formed", "required field id present",
        "required field actor.name present", "volume anomaly");
    assertThat(statuses(report)).containsEntry("volume anomaly", QualityResult.SKIPPED);
  }

  @Test
  void detectsAMissingEventTime() {
    List<Object[]> events = QualityProbe.events(4, DAY);
    events.get(2)[QualityProbe.EVENT_TIME] = null;
    assertThat(problems(check(QualityProbe.write("quality_null_time", events))))
        .containsExactly("p_event_time complete");
  }

  @Test
  void detectsDuplicateRowIds() {
    List<Object[]> events = QualityProbe.events(4, DAY);
    events.get(3)[QualityProbe.ROW_ID] = events.get(0)[QualityProbe.ROW_ID];
    assertThat(problems(check(QualityProbe.write("quality_dup_rows", events)))).containsExactly("p_row_id unique");
  }

  @Test
  void detectsRowsOfAnotherLogType() {
    List<Object[]> events = QualityProbe.events(4, DAY);
    events.get(1)[QualityProbe.LOG_TYPE] = "AWS.CloudTrail";
    assertThat(problems(check(QualityProbe.write("quality_wrong_type", events))))
        .containsExactly("p_log_type is Custom.QualityProbe");
  }

  @Test
  void detectsIndicatorArraysWithEmptyOrDuplicateValues() {
    List<Object[]> empty = QualityProbe.events(3, DAY);
    empty.get(0)[QualityProbe.IPS] = List.of("10.0.0.1", "");
    List<Object[]> duplicate = QualityProbe.events(3, DAY);
    duplicate.get(0)[QualityProbe.IPS] = List.of("10.0.0.1", "10.0.0.1");

    assertThat(problems(check(QualityProbe.write("quality_empty_ip", empty))))
        .containsExactly("p_any_ip_addresses well-formed");
    assertThat(problems(check(QualityProbe.write("quality_dup_ip", duplicate))))
        .containsExactly("p_any_ip_addresses well-formed");
  }

  @Test
  void detectsAMissingRequiredField() {
    List<Object[]> events = QualityProbe.events(4, DAY);
    events.get(0)[QualityProbe.ID] = null;
    assertThat(problems(check(QualityProbe.write("quality_no_id", events))))
        .containsExactly("required field id present");
  }

  @Test
  void detectsAMissingRequiredFieldInsideAPresentObject() {
    List<Object[]> events = QualityProbe.events(4, DAY);
    events.get(0)[QualityProbe.ACTOR] = RowFactory.create(null, "admin");
    assertThat(problems(check(QualityProbe.write("quality_no_actor_name", events))))
        .containsExactly("required field actor.name present");
  }

  @Test
  void recordsResultsAndTheRunInTheSystemTables() {
    List<Object[]> events = QualityProbe.events(3, DAY);
    events.get(0)[QualityProbe.EVENT_TIME] = null;
    QualityReport report = check(QualityProbe.write("quality_recorded", events));

    var rows = TestLake.spark().sql("SELECT check_name, status, metric_value FROM tarn_system.quality_results"
        + " WHERE run_id = '" + report.runId() + "' AND table_name = 'quality_recorded.custom_qualityprobe'"
        + " AND p_date = DATE'2026-03-10'").collectAsList();
    assertThat(rows).hasSize(report.results().size());
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.getString(0)).isEqualTo("p_event_time complete");
      assertThat(r.getString(1)).isEqualTo(QualityResult.FAILED);
      assertThat(r.getDouble(2)).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    });
    var run = TestLake.spark().sql("SELECT status, metrics['failed'] FROM tarn_system.job_runs WHERE job = 'quality'"
        + " AND run_id = '" + report.runId() + "'").collectAsList();
    assertThat(run).singleElement().satisfies(r -> {
      assertThat(r.getString(0)).isEqualTo("succeeded_with_errors");
      assertThat(r.getLong(1)).isEqualTo(1L);
    });
  }

  @Test
  void persistsTheDaysMetricsInTheTablesRepository() {
    String table = QualityProbe.write("quality_metrics", QualityProbe.events(6, DAY));
    check(table);

    MetricsHistory reloaded = new MetricsHistory(TestLake.spark(), TestLake.lake(), table);
    assertThat(reloaded.dailySizes()).containsEntry(DAY, 6L);
    assertThat(reloaded.metrics(DAY)).containsEntry("Completeness p_row_id", 1.0)
        .containsEntry("Uniqueness p_row_id", 1.0).containsEntry("Size *", 6.0);
  }

  @Test
  void recordsTheVolumeOfADayWithoutRows() {
    String table = QualityProbe.write("quality_empty_day", QualityProbe.events(2, DAY));
    QualityReport report = new QualityJob(TestLake.spark(), TestLake.lake(), QualityProbe.REGISTRY, CLOCK,
        VolumeAnomalyPolicy.DEFAULT).run(List.of(table), List.of(DAY.plusDays(1)));

    assertThat(report.emptyDays()).containsExactly(table + " " + DAY.plusDays(1));
    assertThat(problems(report)).isEmpty();
    assertThat(new MetricsHistory(TestLake.spark(), TestLake.lake(), table).dailySizes())
        .containsEntry(DAY.plusDays(1), 0L);
  }
}
