package dev.tarn.detect.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detect job over a real ingested table: findings rows carry the contract's columns, replays are idempotent, rule
 * errors (including the sandbox's refusals and time limit) become error rows while the job goes on, and signals are
 * flagged.
 */
class DetectJobTest {
  private static final Instant FROM = Instant.parse("2024-04-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-04-02T00:00:00Z");
  private static SparkSession spark;
  private static DetectJob job;
  private static Map<String, TableDetection.Counts> first;

  @BeforeAll
  static void replayOnce() {
    spark = TestLake.spark();
    DetectFixtures.ingest(spark, "detect-job", List.of(
        DetectFixtures.event("2024-04-01T10:00:00Z", "tarn-test.amazonaws.com", "Trigger", "dj-1"),
        DetectFixtures.event("2024-04-01T10:01:00Z", "tarn-test.amazonaws.com", "Trigger", "dj-2"),
        DetectFixtures.event("2024-04-01T10:02:00Z", "tarn-test.amazonaws.com", "Quiet", "dj-3"),
        DetectFixtures.event("2024-04-03T10:00:00Z", "tarn-test.amazonaws.com", "Trigger", "dj-late")));
    Path pack = TestLake.newDirectory("detect-job-pack");
    String marker = "    if event.get('eventSource') != 'tarn-test.amazonaws.com':\n        return False\n";
    DetectFixtures.rule(pack, "Test.DetectJob.Python", "Severity: Medium\nDedupPeriodMinutes: 30\nThreshold: 2\n"
        + "Tags: [Test]\nReports: {MITRE ATT&CK: ['TA0001:T1078']}\n", """
        def rule(event):
        %s    return event.get('eventName') == 'Trigger'

        def title(event):
            return 'trigger ' + event.get('eventID')

        def alert_context(event):
            return {'bucket': event.deep_get('requestParameters', 'bucketName')}
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.Simple", """
        Severity: Low
        AlertTitle: "simple {eventID}"
        Detection:
          - Key: eventName
            Condition: Equals
            Value: Quiet
          - Key: eventSource
            Condition: Equals
            Value: tarn-test.amazonaws.com
        """, null);
    DetectFixtures.rule(pack, "Test.DetectJob.Signal", "Severity: Info\nCreateAlert: false\n", """
        def rule(event):
        %s    return True
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.Raises", "Severity: High\n", """
        def rule(event):
        %s    return event.get('eventName').nope()
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.ReadsFile", "Severity: High\n", """
        def rule(event):
        %s    return open('/etc/passwd').read() != ''
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.OpensSocket", "Severity: High\n", """
        def rule(event):
        %s    import socket
            socket.create_connection(('127.0.0.1', 22), timeout=1)
            return True
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.LoopsForever", "Severity: High\n", """
        def rule(event):
        %s    if event.get('eventID') != 'dj-1':
                return False
            while True:
                pass
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.DetectJob.HostClass", "Severity: High\n", """
        def rule(event):
        %s    import java
            return java.type('java.lang.Runtime').getRuntime() is not None
        """.formatted(marker));
    job = new DetectJob(spark, DetectFixtures.config(pack));
    first = job.replay(FROM, TO, null);
  }

  private static List<Row> matches(String rule) {
    return spark.sql("select * from panther_rule_matches.aws_cloudtrail where p_rule_id = '" + rule
        + "' order by eventID").collectAsList();
  }

  private static List<Row> errors(String rule) {
    return spark.sql("select * from panther_rule_errors.aws_cloudtrail where p_rule_id = '" + rule
        + "' order by eventID").collectAsList();
  }

  @Test
  void pythonMatchesCarryTheFindingsContract() {
    List<Row> rows = matches("Test.DetectJob.Python");
    assertThat(rows).extracting(r -> r.<String>getAs("eventID")).containsExactly("dj-1", "dj-2");
    Row row = rows.get(0);
    assertThat(row.<String>getAs(FindingColumns.ALERT_TITLE)).isEqualTo("trigger dj-1");
    assertThat(row.<String>getAs(FindingColumns.ALERT_DEDUP)).isEqualTo("trigger dj-1");
    assertThat(row.<String>getAs(FindingColumns.ALERT_SEVERITY)).isEqualTo("MEDIUM");
    assertThat(row.<String>getAs(FindingColumns.ALERT_CONTEXT)).isEqualTo("{\"bucket\": \"b-dj-1\"}");
    assertThat(row.<Integer>getAs(FindingColumns.RULE_DEDUP_PERIOD_MINUTES)).isEqualTo(30);
    assertThat(row.<Integer>getAs(FindingColumns.RULE_THRESHOLD)).isEqualTo(2);
    assertThat(row.<Boolean>getAs(FindingColumns.RULE_CREATE_ALERT)).isTrue();
    assertThat(row.getList(row.fieldIndex(FindingColumns.RULE_TAGS))).containsExactly("Test");
    assertThat(row.<String>getAs(FindingColumns.MATCH_ID)).hasSize(32);
    assertThat(row.<String>getAs("p_log_type")).isEqualTo("AWS.CloudTrail");
  }

  @Test
  void eventsOutsideTheReplayedRangeAreNotChecked() {
    assertThat(matches("Test.DetectJob.Signal")).extracting(r -> r.<String>getAs("eventID"))
        .doesNotContain("dj-late");
  }

  @Test
  void simpleDetectionsMatchNativelyWithTheirTemplateTitle() {
    List<Row> rows = matches("Test.DetectJob.Simple");
    assertThat(rows).extracting(r -> r.<String>getAs("eventID")).containsExactly("dj-3");
    assertThat(rows.get(0).<String>getAs(FindingColumns.ALERT_TITLE)).isEqualTo("simple dj-3");
    assertThat(rows.get(0).<String>getAs(FindingColumns.ALERT_SEVERITY)).isEqualTo("LOW");
  }

  @Test
  void createAlertFalseRulesWriteFlaggedSignals() {
    List<Row> rows = matches("Test.DetectJob.Signal");
    assertThat(rows).hasSize(3);
    assertThat(rows).allMatch(r -> !r.<Boolean>getAs(FindingColumns.RULE_CREATE_ALERT));
  }

  @Test
  void exceptionsBecomeRuleErrors() {
    List<Row> rows = errors("Test.DetectJob.Raises");
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0).<String>getAs(FindingColumns.RULE_ERROR)).contains("AttributeError");
  }

  @Test
  void sandboxRefusalsAreRuleErrorsAndTheJobGoesOn() {
    assertThat(errors("Test.DetectJob.ReadsFile")).hasSize(3);
    assertThat(errors("Test.DetectJob.OpensSocket")).hasSize(3);
    assertThat(errors("Test.DetectJob.HostClass")).hasSize(3);
    assertThat(matches("Test.DetectJob.ReadsFile")).isEmpty();
  }

  @Test
  void aRuleThatLoopsForeverIsStoppedByTheTimeLimit() {
    List<Row> rows = errors("Test.DetectJob.LoopsForever");
    assertThat(rows).extracting(r -> r.<String>getAs("eventID")).containsExactly("dj-1");
    assertThat(rows.get(0).<String>getAs(FindingColumns.RULE_ERROR)).containsIgnoringCase("time limit");
  }

  @Test
  void replayingTheSameRangeAgainWritesNothingNew() {
    long before = spark.sql("select * from panther_rule_matches.aws_cloudtrail").count()
        + spark.sql("select * from panther_rule_errors.aws_cloudtrail").count();
    job.replay(FROM, TO, null);
    long after = spark.sql("select * from panther_rule_matches.aws_cloudtrail").count()
        + spark.sql("select * from panther_rule_errors.aws_cloudtrail").count();
    assertThat(after).isEqualTo(before);
    assertThat(first).containsKey("aws_cloudtrail");
  }

  @Test
  void loadingIsRecordedPerDetection() {
    assertThat(spark.sql("select detection_id, status from tarn_system.detection_status where run_id = '"
        + job.runId() + "'").collectAsList()).extracting(r -> r.getString(0) + "=" + r.getString(1))
        .contains("Test.DetectJob.Python=loaded", "Test.DetectJob.Simple=loaded");
  }
}
