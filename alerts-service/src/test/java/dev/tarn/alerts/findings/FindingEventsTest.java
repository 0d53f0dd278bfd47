package dev.tarn.alerts.findings;

import static dev.tarn.alerts.findings.FindingFixtures.match;
import static dev.tarn.alerts.findings.FindingFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole rows behind findings, read by match id from the given day partitions only. */
class FindingEventsTest {
  private static final LocalDate APRIL_1 = LocalDate.parse("2024-04-01");
  private static final LocalDate APRIL_2 = LocalDate.parse("2024-04-02");

  @TempDir
  Path lake;
  private FixtureTable fixture;
  private FindingsTable table;
  private FindingEvents events;

  @BeforeEach
  void writeFindings() {
    fixture = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail", schema(true, false));
    fixture.append(List.of(match("m1", "Rule.A", "2024-04-01T10:00:00Z"),
        match("m2", "Rule.A", "2024-04-01T11:00:00Z"), match("m3", "Rule.A", "2024-04-02T09:00:00Z")));
    FindingsReader reader = new FindingsReader(lake.toString());
    table = reader.tables().get(0);
    events = new FindingEvents(reader);
  }

  @Test
  void returnsEveryColumnOfTheGivenMatchesAsJsonReadyValues() {
    List<Map<String, Object>> rows = events.read(table, List.of("m1"), List.of(APRIL_1), 10);

    assertThat(rows).hasSize(1);
    Map<String, Object> row = rows.get(0);
    assertThat(row.keySet()).containsExactlyElementsOf(schema(true, false).fieldNames());
    assertThat(row).containsEntry("eventID", "event-m1")
        .containsEntry("userIdentity", Map.of("type", "IAMUser", "arn", "arn:aws:iam::123456789012:user/alice"))
        .containsEntry("resources", List.of("r1", "r2"))
        .containsEntry("p_event_time", "2024-04-01T10:00:00Z")
        .containsEntry("p_detect_time", "2024-04-02T00:00:00.123456Z")
        .containsEntry("p_date", "2024-04-01")
        .containsEntry("p_rule_reports", Map.of("MITRE ATT&CK", List.of("TA0001:T1078")))
        .containsEntry("p_rule_threshold", 2)
        .containsEntry("p_rule_create_alert", true)
        .containsEntry("p_match_id", "m1");
  }

  @Test
  void readsOnlyTheFilesOfTheGivenDays() throws Exception {
    for (Path file : fixture.files("2024-04-02")) {
      Files.delete(file); // reading them would fail
    }

    List<Map<String, Object>> rows = events.read(table, List.of("m1", "m2", "m3"), List.of(APRIL_1), 10);

    assertThat(rows).extracting(r -> r.get("p_match_id")).containsExactlyInAnyOrder("m1", "m2");
  }

  @Test
  void readsMatchesSpreadOverSeveralDays() {
    List<Map<String, Object>> rows = events.read(table, List.of("m1", "m3"), List.of(APRIL_1, APRIL_2), 10);

    assertThat(rows).extracting(r -> r.get("p_match_id")).containsExactlyInAnyOrder("m1", "m3");
  }

  @Test
  void returnsAtMostTheLimit() {
    List<Map<String, Object>> rows = events.read(table, List.of("m1", "m2", "m3"), List.of(APRIL_1, APRIL_2), 2);

    assertThat(rows).hasSize(2);
  }

  @Test
  void rowsDeletedSinceAreNotReturned() {
    fixture.delete(row -> row.get("p_match_id").equals("m2"));

    List<Map<String, Object>> rows = events.read(table, List.of("m1", "m2"), List.of(APRIL_1), 10);

    assertThat(rows).extracting(r -> r.get("p_match_id")).containsExactly("m1");
  }
}
