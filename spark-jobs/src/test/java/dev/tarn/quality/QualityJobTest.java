package dev.tarn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One table, one day per condition (a clean day, then each day breaks one check), checked in one run: each test
 * reads the results of its day.
 */
class QualityJobTest {
  private static final LocalDate CLEAN = LocalDate.parse("2026-03-01");
  private static final LocalDate NULL_EVENT_TIME = CLEAN.plusDays(1);
  private static final LocalDate DUPLICATE_ROW_ID = CLEAN.plusDays(2);
  private static final LocalDate WRONG_LOG_TYPE = CLEAN.plusDays(3);
  private static final LocalDate EMPTY_INDICATOR = CLEAN.plusDays(4);
  private static final LocalDate DUPLICATE_INDICATOR = CLEAN.plusDays(5);
  private static final LocalDate MISSING_FIELD = CLEAN.plusDays(6);
  private static final LocalDate MISSING_NESTED_FIELD = CLEAN.plusDays(7);
  /** Today for the run's clock, and no rows. */
  private static final LocalDate TODAY = LocalDate.parse("2026-03-12");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);

  private static String table;
  private static QualityReport report;

  @BeforeAll
  static void checkEveryDay() {
    List<Object[]> events = new ArrayList<>();
    List<Object[]> clean = QualityProbe.events(4, CLEAN);
    clean.get(0)[QualityProbe.ACTOR] = null;  // an absent optional object need not hold its required fields
    clean.get(1)[QualityProbe.IPS] = null;
    events.addAll(clean);
    events.addAll(broken(NULL_EVENT_TIME, QualityProbe.EVENT_TIME, null));
    List<Object[]> duplicate = QualityProbe.events(4, DUPLICATE_ROW_ID);
    duplicate.get(3)[QualityProbe.ROW_ID] = duplicate.get(0)[QualityProbe.ROW_ID];
    events.addAll(duplicate);
    events.addAll(broken(WRONG_LOG_TYPE, QualityProbe.LOG_TYPE, "AWS.CloudTrail"));
    events.addAll(broken(EMPTY_INDICATOR, QualityProbe.IPS, List.of("10.0.0.1", "")));
    events.addAll(broken(DUPLICATE_INDICATOR, QualityProbe.IPS, List.of("10.0.0.1", "10.0.0.1")));
    events.addAll(broken(MISSING_FIELD, QualityProbe.ID, null));
    events.addAll(broken(MISSING_NESTED_FIELD, QualityProbe.ACTOR, RowFactory.create(null, "admin")));
    table = QualityProbe.write("quality_checks", events);

    List<LocalDate> days = new ArrayList<>(CLEAN.datesUntil(MISSING_NESTED_FIELD.plusDays(1)).toList());
    days.add(TODAY);
    report = new QualityJob(TestLake.spark(), TestLake.lake(), QualityProbe.REGISTRY, CLOCK,
        VolumeAnomalyPolicy.DEFAULT).run(List.of(table), days);
  }

  /** Four good events of {@code day}, the first with one value replaced. */
  private static List<Object[]> broken(LocalDate day, int column, Object value) {
    List<Object[]> events = QualityProbe.events(4, day);
    events.get(0)[column] = value;
    return events;
  }

  private static List<QualityResult> results(LocalDate day) {
    return report.results().stream().filter(r -> r.date().equals(day)).toList();
  }

  /** The checks of the day that failed or could not run. */
  private static List<String> problems(LocalDate day) {
    return results(day).stream().filter(QualityResult::problem).map(QualityResult::check).toList();
  }

  @Test
  void passesEveryCheckOnACleanDay() {
    Map<String, String> statuses = results(CLEAN).stream()
        .collect(Collectors.toMap(QualityResult::check, QualityResult::status));
    assertThat(statuses).containsOnlyKeys("p_event_time complete", "p_row_id complete", "p_row_id unique",
        "p_log_type is Custom.QualityProbe", "p_any_ip_addresses well-formed", "required field id present",
        "required field actor.name present", "volume anomaly");
    assertThat(statuses).allSatisfy((check, status) -> assertThat(status).as(check)
        .isIn(QualityResult.PASSED, QualityResult.SKIPPED));
  }

  @Test
  void detectsAMissingEventTime() {
    assertThat(problems(NULL_EVENT_TIME)).containsExactly("p_event_time complete");
  }

  @Test
  void detectsDuplicateRowIds() {
    assertThat(problems(DUPLICATE_ROW_ID)).containsExactly("p_row_id unique");
  }

  @Test
  void detectsRowsOfAnotherLogType() {
    assertThat(problems(WRONG_LOG_TYPE)).containsExactly("p_log_type is Custom.QualityProbe");
  }

  @Test
  void detectsAnIndicatorArrayWithAnEmptyValue() {
    assertThat(problems(EMPTY_INDICATOR)).containsExactly("p_any_ip_addresses well-formed");
  }

  @Test
  void detectsAnIndicatorArrayWithADuplicateValue() {
    assertThat(problems(DUPLICATE_INDICATOR)).containsExactly("p_any_ip_addresses well-formed");
  }

  @Test
  void detectsAMissingRequiredField() {
    assertThat(problems(MISSING_FIELD)).containsExactly("required field id present");
  }

  @Test
  void detectsAMissingRequiredFieldInsideAPresentObject() {
    assertThat(problems(MISSING_NESTED_FIELD)).containsExactly("required field actor.name present");
  }

  @Test
  void recordsOnlyTheVolumeOfADayWithoutRows() {
    assertThat(report.emptyDays()).containsExactly(table + " " + TODAY);
    assertThat(results(TODAY)).singleElement().satisfies(r -> {
      assertThat(r.check()).isEqualTo("volume anomaly");
      assertThat(r.status()).isEqualTo(QualityResult.SKIPPED);  // today is not over
    });
    assertThat(new MetricsHistory(TestLake.spark(), TestLake.lake(), table).dailySizes()).containsEntry(TODAY, 0L);
  }

  @Test
  void writesEveryResultToQualityResults() {
    List<Row> rows = TestLake.spark().sql("SELECT check_name, status, metric_value FROM tarn_system.quality_results"
        + " WHERE run_id = '" + report.runId() + "' AND p_date = DATE'" + NULL_EVENT_TIME + "'").collectAsList();
    assertThat(rows).hasSize(results(NULL_EVENT_TIME).size());
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.getString(0)).isEqualTo("p_event_time complete");
      assertThat(r.getString(1)).isEqualTo(QualityResult.FAILED);
      assertThat(r.getDouble(2)).isCloseTo(0.75, Offset.offset(1e-9));
    });
  }

  @Test
  void recordsTheRunAsSucceededWithErrorsWhenChecksFail() {
    List<Row> run = TestLake.spark().sql("SELECT status, metrics['failed'] FROM tarn_system.job_runs"
        + " WHERE job = 'quality' AND run_id = '" + report.runId() + "'").collectAsList();
    assertThat(run).singleElement().satisfies(r -> {
      assertThat(r.getString(0)).isEqualTo("succeeded_with_errors");
      assertThat(r.getLong(1)).isEqualTo(report.count(QualityResult.FAILED)).isEqualTo(7L);
    });
  }

  @Test
  void keepsEachDaysMetricsInTheTablesRepository() {
    MetricsHistory reloaded = new MetricsHistory(TestLake.spark(), TestLake.lake(), table);
    assertThat(reloaded.dailySizes()).containsEntry(CLEAN, 4L).containsEntry(DUPLICATE_ROW_ID, 4L);
    assertThat(reloaded.metrics(NULL_EVENT_TIME)).containsEntry("Completeness p_event_time", 0.75)
        .containsEntry("Completeness p_row_id", 1.0).containsEntry("Size *", 4.0);
  }
}
