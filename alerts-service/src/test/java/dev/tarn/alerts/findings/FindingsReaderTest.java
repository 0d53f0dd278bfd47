package dev.tarn.alerts.findings;

import static dev.tarn.alerts.findings.FindingFixtures.error;
import static dev.tarn.alerts.findings.FindingFixtures.match;
import static dev.tarn.alerts.findings.FindingFixtures.schema;
import static dev.tarn.alerts.findings.FindingFixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading findings tables with Delta Kernel, over tables written without Spark ({@link FixtureTable}). */
class FindingsReaderTest {
  @TempDir
  Path lake;

  private FindingsTable table(FixtureTable fixture, FindingKind kind) {
    return new FindingsReader(lake.toString()).tables().stream()
        .filter(t -> t.kind() == kind && Path.of(java.net.URI.create(t.path())).equals(fixture.dir()))
        .findFirst().orElseThrow();
  }

  private static List<String> matchIds(FindingsBatch batch) {
    return batch.findings().stream().map(Finding::matchId).sorted().toList();
  }

  @Test
  void discoversTheTablesOfEveryFindingsDatabase() throws Exception {
    FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    FixtureTable.create(lake, FindingKind.MATCH, "scheduled_failed_logins", FindingFixtures.scheduledSchema());
    FixtureTable.create(lake, FindingKind.ERROR, "aws_cloudtrail", schema(true, true));
    FixtureTable.create(lake, FindingKind.SYSTEM, "health", FindingFixtures.systemSchema());
    Files.createDirectories(lake.resolve("panther_rule_matches/not_a_table"));
    Files.createDirectories(lake.resolve("panther_logs/aws_cloudtrail/_delta_log"));

    List<FindingsTable> tables = new FindingsReader(lake.toString()).tables();

    assertThat(tables).extracting(FindingsTable::qualifiedName).containsExactly(
        "panther_rule_matches.aws_cloudtrail", "panther_rule_matches.scheduled_failed_logins",
        "panther_rule_errors.aws_cloudtrail", "tarn_system_errors.health");
  }

  @Test
  void findsNoTablesInALakeWithoutFindings() {
    assertThat(new FindingsReader(lake.toUri().toString()).tables()).isEmpty();
  }

  @Test
  void aTableWithoutCommitsHasNoLatestVersion() throws Exception {
    Files.createDirectories(lake.resolve("panther_rule_matches/aws_cloudtrail/_delta_log"));
    FindingsReader reader = new FindingsReader(lake.toString());

    assertThat(reader.latestVersion(reader.tables().get(0))).isEmpty();
  }

  @Test
  void theLatestVersionIsTheLastCommit() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));

    assertThat(new FindingsReader(lake.toString()).latestVersion(table(fixture, FindingKind.MATCH))).hasValue(1);
  }

  @Test
  void readsEveryContractColumnFromTheStart() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, 1);

    assertThat(batch.findings()).containsExactly(new Finding("panther_rule_matches.aws_cloudtrail",
        FindingKind.MATCH, "m1", "Rule.A", "v-Rule.A", "Console login", Instant.parse("2024-04-02T00:00:00.123456Z"),
        Instant.parse("2024-04-01T10:00:00Z"), LocalDate.parse("2024-04-01"), "AWS.CloudTrail", "Login by alice",
        "alice", "HIGH", "{\"user\": \"alice\"}", "A console login", "https://example.com/ref", "Call alice",
        List.of("slack-sec"), List.of("AWS", "Identity"), Map.of("MITRE ATT&CK", List.of("TA0001:T1078")),
        List.of("out-1", "out-2"), 30, 2, true, null));
    assertThat(batch.fromVersionExclusive()).isEqualTo(-1);
    assertThat(batch.toVersion()).isEqualTo(1);
  }

  @Test
  void readsOnlyTheFindingsOfVersionsAfterTheGivenOne() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    long first = fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));
    fixture.append(List.of(match("m2", "Rule.A", "2024-04-01T11:00:00Z"),
        match("m3", "Rule.B", "2024-04-02T09:00:00Z")));
    long third = fixture.append(List.of(match("m4", "Rule.A", "2024-04-02T10:00:00Z")));

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), first, third);

    assertThat(matchIds(batch)).containsExactly("m2", "m3", "m4");
  }

  @Test
  void readingFromTheStartReturnsEachLiveRowOnce() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));
    fixture.append(List.of(match("m2", "Rule.A", "2024-04-01T11:00:00Z")));
    long compacted = fixture.compact();

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, compacted);

    assertThat(matchIds(batch)).containsExactly("m1", "m2");
  }

  @Test
  void aCompactionCommitAddsNoFindings() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));
    long before = fixture.append(List.of(match("m2", "Rule.A", "2024-04-01T11:00:00Z")));
    long compacted = fixture.compact();

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), before,
        compacted);

    assertThat(batch.findings()).isEmpty();
  }

  @Test
  void aFileRewrittenByADeleteReturnsItsSurvivingRowsAgain() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    long appended = fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z"),
        match("m2", "Rule.A", "2024-04-01T11:00:00Z"), match("m3", "Rule.A", "2024-04-02T11:00:00Z")));
    long deleted = fixture.delete(row -> row.get("p_match_id").equals("m1"));

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), appended,
        deleted);

    assertThat(matchIds(batch)).containsExactly("m2");
  }

  @Test
  void readsTablesWithoutOutputIdsOrRuleErrorColumns() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(false, false));
    fixture.append(List.of(without(match("m1", "Rule.A", "2024-04-01T10:00:00Z"), "p_rule_output_ids")));

    Finding finding = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, 1)
        .findings().get(0);

    assertThat(finding.outputIds()).isEmpty();
    assertThat(finding.error()).isNull();
    assertThat(finding.tags()).containsExactly("AWS", "Identity");
  }

  @Test
  void readsFilesWrittenBeforeTheTableGainedOutputIds() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(false, false));
    fixture.append(List.of(without(match("old", "Rule.A", "2024-04-01T10:00:00Z"), "p_rule_output_ids")));
    fixture.evolve(FindingFixtures.withOutputIds(schema(false, false)));
    long last = fixture.append(List.of(match("new", "Rule.A", "2024-04-01T11:00:00Z")));

    List<Finding> findings = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, last)
        .findings();

    assertThat(findings).extracting(f -> f.matchId() + "=" + f.outputIds())
        .containsExactlyInAnyOrder("old=[]", "new=[out-1, out-2]");
  }

  @Test
  void ruleErrorsCarryTheirKindAndError() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.ERROR, "aws_cloudtrail", schema(true, true));
    fixture.append(List.of(error("e1", "Rule.A", "2024-04-01T10:00:00Z", "AttributeError: 'str' has no 'nope'")));

    Finding finding = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.ERROR), -1, 1)
        .findings().get(0);

    assertThat(finding.kind()).isEqualTo(FindingKind.ERROR);
    assertThat(finding.table()).isEqualTo("panther_rule_errors.aws_cloudtrail");
    assertThat(finding.error()).isEqualTo("AttributeError: 'str' has no 'nope'");
    assertThat(finding.destinations()).isNull();
  }

  @Test
  void systemFindingsReadAsTheirKindWithTheAlarmAsRuleAndTheSubjectAsDedup() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.SYSTEM, "health", FindingFixtures.systemSchema());
    fixture.append(List.of(FindingFixtures.system("h1", "Tarn.Health.JobFailed", "detect", "2026-11-01T10:00:00Z")));

    Finding finding = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.SYSTEM), -1, 1)
        .findings().get(0);

    assertThat(finding.kind()).isEqualTo(FindingKind.SYSTEM);
    assertThat(finding.table()).isEqualTo("tarn_system_errors.health");
    assertThat(finding.ruleId()).isEqualTo("Tarn.Health.JobFailed");
    assertThat(finding.dedup()).isEqualTo("detect");
    assertThat(finding.detectTime()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
    assertThat(finding.runbook()).isEqualTo("docs/runbooks.md#job-failed");
    assertThat(finding.destinations()).isNull();
    assertThat(finding.outputIds()).isEmpty();
    assertThat(finding.error()).isNull();
  }

  @Test
  void scheduledQueryRowsWithoutEventTimeOrLogTypeReadAsNull() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "scheduled_failed_logins",
        FindingFixtures.scheduledSchema());
    Map<String, Object> row = without(match("s1", "Rule.S", "2024-04-01T10:00:00Z"), "eventID", "eventName",
        "userIdentity", "resources", "p_log_type", "p_event_time");
    row.put("sourceIPAddress", "203.0.113.7");
    row.put("failures", 12);
    fixture.append(List.of(row));

    Finding finding = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, 1)
        .findings().get(0);

    assertThat(finding.eventTime()).isNull();
    assertThat(finding.logType()).isNull();
    assertThat(finding.eventDate()).isEqualTo(LocalDate.parse("2024-04-01"));
  }

  @Test
  void rowsWithoutMatchIdOrRuleIdAreSkippedAndCounted() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    Map<String, Object> noMatchId = match("x", "Rule.A", "2024-04-01T10:00:00Z");
    noMatchId.put("p_match_id", null);
    Map<String, Object> noRuleId = match("y", "Rule.A", "2024-04-01T10:00:00Z");
    noRuleId.put("p_rule_id", null);
    fixture.append(List.of(noMatchId, match("m1", "Rule.A", "2024-04-01T10:00:00Z"), noRuleId));
    FindingsReader reader = new FindingsReader(lake.toString());

    FindingsBatch batch = reader.read(table(fixture, FindingKind.MATCH), 0, 1);

    assertThat(matchIds(batch)).containsExactly("m1");
    assertThat(reader.skippedRows()).isEqualTo(2);
  }

  @Test
  void missingDedupPeriodThresholdAndCreateAlertTakePanthersDefaults() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    Map<String, Object> row = match("m1", "Rule.A", "2024-04-01T10:00:00Z");
    row.put("p_rule_dedup_period_minutes", null);
    row.put("p_rule_threshold", null);
    row.put("p_rule_create_alert", null);
    fixture.append(List.of(row));

    Finding finding = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, 1)
        .findings().get(0);

    assertThat(List.of(finding.dedupPeriodMinutes(), finding.threshold())).containsExactly(60, 1);
    assertThat(finding.createAlert()).isTrue();
  }

  @Test
  void theBatchCarriesTheCommitTimeOfItsLastVersion() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    long first = fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));
    long second = fixture.append(List.of(match("m2", "Rule.A", "2024-04-01T10:00:00Z")));
    fixture.setCommitTime(first, Instant.parse("2024-04-02T00:00:00Z"));
    fixture.setCommitTime(second, Instant.parse("2024-04-02T00:05:00Z"));

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), -1, second);

    assertThat(batch.commitTime()).isEqualTo(Instant.parse("2024-04-02T00:05:00Z"));
  }

  @Test
  void anEmptyRangeReadsNothing() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    long version = fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));

    FindingsBatch batch = new FindingsReader(lake.toString()).read(table(fixture, FindingKind.MATCH), version,
        version);

    assertThat(batch.findings()).isEmpty();
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    FixtureTable fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z")));
    FindingsTable table = table(fixture, FindingKind.MATCH);

    assertThatThrownBy(() -> new FindingsReader(lake.toString()).read(table, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(1, 0]").hasMessageContaining("panther_rule_matches.aws_cloudtrail");
  }
}
