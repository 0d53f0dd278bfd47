package dev.tarn.detect.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingEvents;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FindingsBatch;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.findings.FindingsTable;
import dev.tarn.testing.TestLake;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The findings contract end to end: the detect job writes matches and rule errors with Spark, the alerts service's
 * {@link FindingsReader} (Delta Kernel, no Spark) reads every contract column back as Spark wrote it, and
 * {@link FindingEvents} returns the events' own columns.
 */
class FindingsContractTest {
  private static final String SOURCE = "tarn-contract.amazonaws.com";
  private static final Instant FROM = Instant.parse("2024-06-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-06-02T00:00:00Z");
  private static SparkSession spark;
  private static DetectJob job;
  private static FindingsReader reader;

  @BeforeAll
  static void detect() {
    spark = TestLake.spark();
    DetectFixtures.ingest(spark, "findings-contract", List.of(
        DetectFixtures.event("2024-06-01T10:00:00Z", SOURCE, "Trigger", "fc-1"),
        DetectFixtures.event("2024-06-01T11:00:00Z", SOURCE, "Trigger", "fc-2"),
        DetectFixtures.event("2024-06-03T10:00:00Z", SOURCE, "Trigger", "fc-later")));
    Path pack = TestLake.newDirectory("findings-contract-pack");
    String marker = "    if event.get('eventSource') != '" + SOURCE + "':\n        return False\n";
    DetectFixtures.rule(pack, "Test.Contract.Alert", """
        Severity: Medium
        DisplayName: Contract alert
        DedupPeriodMinutes: 45
        Threshold: 3
        Tags: [Contract, Test]
        Reports: {MITRE ATT&CK: ['TA0001:T1078']}
        OutputIds: [out-slack, out-pagerduty]
        """, """
        def rule(event):
        %s    return event.get('eventName') == 'Trigger'

        def title(event):
            return 'contract ' + event.get('eventID')

        def dedup(event):
            return 'dedup ' + event.get('eventID')

        def severity(event):
            return 'HIGH'

        def alert_context(event):
            return {'id': event.get('eventID')}

        def description(event):
            return 'description ' + event.get('eventID')

        def reference(event):
            return 'https://example.com/' + event.get('eventID')

        def runbook(event):
            return 'runbook ' + event.get('eventID')

        def destinations(event):
            return ['dest-a', 'dest-b']
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.Contract.Signal", "Severity: Info\nCreateAlert: false\n", """
        def rule(event):
        %s    return True
        """.formatted(marker));
    DetectFixtures.rule(pack, "Test.Contract.Raises", "Severity: Low\n", """
        def rule(event):
        %s    return event.get('eventName').nope()
        """.formatted(marker));
    job = new DetectJob(spark, DetectFixtures.config(pack));
    job.replay(FROM, TO, null);
    reader = new FindingsReader(TestLake.lake().root());
  }

  private static FindingsTable table(FindingKind kind, String name) {
    return reader.tables().stream().filter(t -> t.kind() == kind && t.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(kind.database() + "." + name + " not found in " + reader.tables()));
  }

  /** Every finding of the table so far, from the start. */
  private static List<Finding> findings(FindingKind kind, String ruleId) {
    FindingsTable table = table(kind, "aws_cloudtrail");
    FindingsBatch batch = reader.read(table, -1, reader.latestVersion(table).orElseThrow());
    return batch.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  private static Row sparkRow(String database, String matchId) {
    return spark.sql("select * from " + database + ".aws_cloudtrail where p_match_id = '" + matchId + "'")
        .collectAsList().get(0);
  }

  @Test
  void matchesRoundTripEveryContractColumn() {
    List<Finding> findings = findings(FindingKind.MATCH, "Test.Contract.Alert");
    assertThat(findings).extracting(Finding::title).contains("contract fc-1", "contract fc-2");

    for (Finding f : findings) {
      Row row = sparkRow(FindingColumns.MATCHES_DB, f.matchId());
      String id = row.getAs("eventID");
      assertThat(f).isEqualTo(new Finding("panther_rule_matches.aws_cloudtrail", FindingKind.MATCH,
          row.getAs(FindingColumns.MATCH_ID), "Test.Contract.Alert", row.getAs(FindingColumns.RULE_VERSION),
          "Contract alert", row.<Timestamp>getAs(FindingColumns.DETECT_TIME).toInstant(),
          row.<Timestamp>getAs("p_event_time").toInstant(), row.<Date>getAs("p_date").toLocalDate(),
          "AWS.CloudTrail", "contract " + id, "dedup " + id, "HIGH", "{\"id\": \"" + id + "\"}", "description " + id,
          "https://example.com/" + id, "runbook " + id, List.of("dest-a", "dest-b"), List.of("Contract", "Test"),
          Map.of("MITRE ATT&CK", List.of("TA0001:T1078")), List.of("out-slack", "out-pagerduty"), 45, 3, true,
          null));
    }
  }

  @Test
  void signalsRoundTripCreateAlertFalseWithTheRulesDefaults() {
    Finding f = findings(FindingKind.MATCH, "Test.Contract.Signal").get(0);

    assertThat(f.createAlert()).isFalse();
    assertThat(f.destinations()).isNull();
    assertThat(f.outputIds()).isEmpty();
    assertThat(f.severity()).isEqualTo("INFO");
    assertThat(List.of(f.dedupPeriodMinutes(), f.threshold())).containsExactly(60, 1);
    assertThat(f.ruleDisplayName()).isEqualTo("Test.Contract.Signal");
  }

  @Test
  void ruleErrorsRoundTripWithTheirError() {
    List<Finding> errors = findings(FindingKind.ERROR, "Test.Contract.Raises");

    assertThat(errors).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.ERROR);
      assertThat(f.table()).isEqualTo("panther_rule_errors.aws_cloudtrail");
      assertThat(f.error()).contains("AttributeError");
      assertThat(f.error()).isEqualTo(sparkRow(FindingColumns.ERRORS_DB, f.matchId())
          .getAs(FindingColumns.RULE_ERROR));
      assertThat(f.dedup()).isEqualTo("AttributeError");
      assertThat(f.severity()).isEqualTo("LOW");
    });
  }

  @Test
  void findingEventsReturnTheEventColumnsOfAMatch() {
    Finding f = findings(FindingKind.MATCH, "Test.Contract.Alert").get(0);

    List<Map<String, Object>> rows = new FindingEvents(reader).read(table(FindingKind.MATCH, "aws_cloudtrail"),
        List.of(f.matchId()), List.of(f.eventDate()), 10);

    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row).containsEntry("eventSource", SOURCE).containsEntry("eventName", "Trigger")
        .containsEntry("p_match_id", f.matchId())
        .containsEntry("p_event_time", f.eventTime().toString())
        .containsEntry("p_date", f.eventDate().toString())
        .containsEntry("p_rule_output_ids", List.of("out-slack", "out-pagerduty"));
    assertThat(row.get("userIdentity")).asInstanceOf(InstanceOfAssertFactories.MAP)
        .containsEntry("arn", "arn:aws:iam::123456789012:user/alice");
  }

  @Test
  void aLaterRunsVersionsHoldOnlyItsFindings() {
    FindingsTable matches = table(FindingKind.MATCH, "aws_cloudtrail");
    long before = reader.latestVersion(matches).orElseThrow();
    job.replay(Instant.parse("2024-06-03T00:00:00Z"), Instant.parse("2024-06-04T00:00:00Z"), null);

    FindingsBatch batch = reader.read(matches, before, reader.latestVersion(matches).orElseThrow());

    assertThat(batch.findings()).extracting(Finding::eventDate).containsOnly(LocalDate.parse("2024-06-03"));
    assertThat(batch.findings()).extracting(Finding::ruleId)
        .containsExactlyInAnyOrder("Test.Contract.Alert", "Test.Contract.Signal");
  }
}
