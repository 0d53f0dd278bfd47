package dev.tarn.detect.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduled queries with Panther's macros run on their schedule; each result row goes to the scheduled rules naming
 * the query; a run-once invocation runs only what is due.
 */
class ScheduledJobTest {
  private static final Instant NOW = Instant.parse("2024-05-02T00:30:00Z");
  private static SparkSession spark;
  private static ScheduledJob job;
  private static List<ScheduledJob.QueryRun> firstRuns;

  @BeforeAll
  static void runOnce() {
    spark = TestLake.spark();
    DetectFixtures.ingest(spark, "scheduled-job", List.of(
        DetectFixtures.event("2024-05-01T10:00:00Z", "sched-test.amazonaws.com", "Fail", "sj-1"),
        DetectFixtures.event("2024-05-01T11:00:00Z", "sched-test.amazonaws.com", "Fail", "sj-2"),
        DetectFixtures.event("2024-05-01T12:00:00Z", "sched-test.amazonaws.com", "Fail", "sj-3"),
        DetectFixtures.event("2024-04-20T12:00:00Z", "sched-test.amazonaws.com", "Fail", "sj-old")));
    Path pack = TestLake.newDirectory("scheduled-pack");
    DetectFixtures.write(pack.resolve("failures.yml"), """
        AnalysisType: scheduled_query
        QueryName: Test Failures By Source
        Enabled: true
        Schedule:
          RateMinutes: 60
          TimeoutMinutes: 5
        Query: >-
          SELECT sourceIPAddress, count(*) AS failures, max(p_event_time) AS last_seen
          FROM panther_logs.aws_cloudtrail
          WHERE eventSource = 'sched-test.amazonaws.com' AND p_occurs_since('1 day')
          GROUP BY sourceIPAddress
        """);
    DetectFixtures.write(pack.resolve("many_failures.yml"), """
        AnalysisType: scheduled_rule
        RuleID: Test.Scheduled.ManyFailures
        Filename: many_failures.py
        Enabled: true
        ScheduledQueries: [Test Failures By Source]
        Severity: High
        """);
    DetectFixtures.write(pack.resolve("many_failures.py"), """
        def rule(event):
            return event.get('failures') >= 3

        def title(event):
            return f"{event.get('failures')} failures from {event.get('sourceIPAddress')}"
        """);
    job = new ScheduledJob(spark, DetectFixtures.config(pack), Clock.fixed(NOW, ZoneOffset.UTC));
    firstRuns = job.runDue();
  }

  @Test
  void runsTheDueSlotWithMacrosExpandedAtIt() {
    assertThat(firstRuns).hasSize(1);
    ScheduledJob.QueryRun run = firstRuns.get(0);
    assertThat(run.slot()).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    assertThat(run.status()).isEqualTo("succeeded");
    assertThat(run.rows()).isEqualTo(1);
    assertThat(run.matches()).isEqualTo(1);
  }

  @Test
  void resultRowsBecomeFindingsOfTheScheduledRule() {
    List<Row> rows = spark.sql("select * from panther_rule_matches.scheduled_test_failures_by_source "
        + "where p_rule_id = 'Test.Scheduled.ManyFailures'").collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs(FindingColumns.ALERT_TITLE)).isEqualTo("3 failures from 203.0.113.7");
    assertThat(rows.get(0).<Long>getAs("failures")).isEqualTo(3L);
  }

  @Test
  void aSecondRunOnceInTheSameSlotRunsNothing() {
    assertThat(job.runDue()).isEmpty();
  }
}
