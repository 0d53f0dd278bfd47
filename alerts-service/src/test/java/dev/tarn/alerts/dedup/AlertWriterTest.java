package dev.tarn.alerts.dedup;

import static dev.tarn.alerts.dedup.Findings.error;
import static dev.tarn.alerts.dedup.Findings.match;
import static dev.tarn.alerts.dedup.Findings.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AlertWriterTest {
  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  @TempDir Path temp;

  private record AlertRow(String id, String title, long eventCount, String logTypes, boolean delivered, String type,
      String windowStart) {}

  private static Instant at(int minutes) {
    return T0.plusSeconds(minutes * 60L);
  }

  private Map<String, AlertRow> alerts(Database db) {
    return db.inTransaction(c -> {
      Map<String, AlertRow> out = new LinkedHashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, title, event_count, log_types, threshold_reached_at, "
          + "type, window_start FROM alerts ORDER BY window_start, id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new AlertRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
              rs.getTimestamp(5) != null, rs.getString(6), rs.getTimestamp(7).toInstant().toString()));
        }
      }
      return out;
    });
  }

  private List<String> deliveries(Database db) {
    return db.inTransaction(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT alert_id, destination_id, status FROM deliveries ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).trim() + "->" + rs.getString(2) + ":" + rs.getString(3));
        }
      }
      return out;
    });
  }

  private static AlertWriter.Result apply(Database db, AlertWriter w, List<Finding> batch) {
    return db.inTransaction(c -> w.apply(c, batch, Instant.parse("2026-11-02T00:00:00Z")));
  }

  private AlertWriter writer(Database db, DedupSettings settings) {
    DestinationStore store = new DestinationStore(db, new SecretBox(new byte[32]), Clock.system(ZoneOffset.UTC));
    store.create(new DestinationConfig("d-high", "oncall", DestinationType.CUSTOMWEBHOOK, Map.of(),
        Map.of("webhookURL", "http://127.0.0.1:1/hook"), List.of("HIGH", "CRITICAL", "INFO"), List.of(), true));
    store.create(new DestinationConfig("d-named", "security-slack", DestinationType.SLACK, Map.of(),
        Map.of("webhookURL", "https://hooks.slack.com/services/x"), List.of(), List.of(), false));
    return new AlertWriter(settings, store);
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void mergesWithinTheWindowAndOpensANewOneAfterThePeriod(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      apply(db, w, List.of(match("m1", "R", "root", at(0), at(0), 60, 1), match("m2", "R", "root", at(30), at(30), 60, 1)));
      apply(db, w, List.of(match("m3", "R", "root", at(59), at(59), 60, 1)));
      apply(db, w, List.of(match("m4", "R", "root", at(60), at(60), 60, 1), match("m5", "R", "other", at(61), at(61), 60, 1)));

      Map<String, AlertRow> alerts = alerts(db);
      assertThat(alerts).hasSize(3);
      String first = AlertIds.processingAlertId("R", 1, "root", AlertType.RULE);
      String second = AlertIds.processingAlertId("R", 2, "root", AlertType.RULE);
      assertThat(alerts.get(first).eventCount()).isEqualTo(3);
      assertThat(alerts.get(first).title()).isEqualTo("Title root");
      assertThat(alerts.get(second).eventCount()).isEqualTo(1);
      assertThat(alerts.get(second).windowStart()).isEqualTo(at(60).toString());
      assertThat(alerts.get(AlertIds.processingAlertId("R", 1, "other", AlertType.RULE)).eventCount()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void deliversOnceWhenTheCumulativeCountReachesTheThreshold(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      apply(db, w, List.of(match("m1", "R", "k", at(0), at(0), 60, 3), match("m2", "R", "k", at(1), at(1), 60, 3)));
      String id = AlertIds.processingAlertId("R", 1, "k", AlertType.RULE);
      assertThat(alerts(db).get(id).delivered()).isFalse();
      assertThat(deliveries(db)).isEmpty();

      AlertWriter.Result third = apply(db, w, List.of(match("m3", "R", "k", at(2), at(2), 60, 3)));
      assertThat(third.created()).extracting(AlertWriter.CreatedAlert::id).containsExactly(id);
      assertThat(alerts(db).get(id).delivered()).isTrue();
      assertThat(deliveries(db)).containsExactly(id + "->d-high:PENDING");

      apply(db, w, List.of(match("m4", "R", "k", at(3), at(3), 60, 3)));
      assertThat(alerts(db).get(id).eventCount()).isEqualTo(4);
      assertThat(deliveries(db)).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void ruleErrorsAlertAtThresholdOneUnderTheirOwnKey(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      AlertWriter.Result r = apply(db, w, List.of(error("e1", "R", "KeyError", at(0)),
          match("m1", "R", "KeyError", at(0), at(0), 60, 5)));
      String errorId = AlertIds.processingAlertId("R", 1, "KeyError", AlertType.RULE_ERROR);
      String matchId = AlertIds.processingAlertId("R", 1, "KeyError", AlertType.RULE);
      assertThat(r.windowsOpened()).isEqualTo(2);
      assertThat(r.created()).extracting(AlertWriter.CreatedAlert::id).containsExactly(errorId);
      Map<String, AlertRow> alerts = alerts(db);
      assertThat(alerts.get(errorId).type()).isEqualTo("RULE_ERROR");
      assertThat(alerts.get(errorId).delivered()).isTrue();
      assertThat(alerts.get(errorId).title()).isEqualTo("R: KeyError: boom: rule.py, line 3, in rule");
      assertThat(alerts.get(matchId).delivered()).isFalse();
      assertThat(deliveries(db)).containsExactly(errorId + "->d-high:PENDING");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void systemFindingsAlertAsSystemErrorsApartFromARuleOfTheSameIdAndListNoLogTypes(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      AlertWriter.Result r = apply(db, w, List.of(system("s1", "Tarn.Health.SourceSilent", "src-1", at(0)),
          system("s2", "Tarn.Health.SourceSilent", "src-1", at(20)),
          match("m1", "Tarn.Health.SourceSilent", "src-1", at(0), at(0), 60, 1)));
      String systemId = AlertIds.processingAlertId("Tarn.Health.SourceSilent", 1, "src-1", AlertType.SYSTEM_ERROR);
      String ruleId = AlertIds.processingAlertId("Tarn.Health.SourceSilent", 1, "src-1", AlertType.RULE);
      assertThat(systemId).isNotEqualTo(ruleId);
      assertThat(r.created()).extracting(AlertWriter.CreatedAlert::type)
          .containsExactlyInAnyOrder(AlertType.SYSTEM_ERROR, AlertType.RULE);
      Map<String, AlertRow> alerts = alerts(db);
      assertThat(alerts.get(systemId).type()).isEqualTo("SYSTEM_ERROR");
      assertThat(alerts.get(systemId).eventCount()).isEqualTo(2);
      assertThat(alerts.get(systemId).title()).isEqualTo("No data from src-1");
      assertThat(alerts.get(systemId).logTypes()).isEqualTo("[]");
      assertThat(alerts.get(ruleId).type()).isEqualTo("RULE");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void replayedFindingsAreCountedOnceAndKeepTheirAlertIds(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      List<Finding> batch = List.of(match("m1", "R", "k", at(0), at(0), 60, 1), match("m2", "R", "k", at(90), at(90), 60, 1));
      apply(db, w, batch);
      AlertWriter.Result again = apply(db, w, batch);
      assertThat(again.alreadySeen()).isEqualTo(2);
      assertThat(again.created()).isEmpty();
      assertThat(alerts(db).values()).extracting(AlertRow::eventCount).containsExactly(1L, 1L);
      assertThat(deliveries(db)).hasSize(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void eventTimeWindowsPutLateDataInTheAlertOfItsEvents(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, new DedupSettings(WindowMode.PROCESSING, List.of("AWS.*")));
      apply(db, w, List.of(match("m1", "AWS.Root", "k", at(0), at(5), 60, 1)));
      // detected three hours later (a backfill), but its event belongs to the first hour
      apply(db, w, List.of(match("m2", "AWS.Root", "k", at(180), at(40), 60, 1)));
      apply(db, w, List.of(match("m3", "AWS.Root", "k", at(181), at(70), 60, 1)));
      Map<String, AlertRow> alerts = alerts(db);
      assertThat(alerts.values()).extracting(AlertRow::eventCount).containsExactly(2L, 1L);
      assertThat(alerts.values()).extracting(AlertRow::windowStart)
          .containsExactly("2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void routesByDestinationsThenOutputIdsThenSeverityAndDeadLettersUnknownNames(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      Finding named = Findings.routed(match("m1", "A", "k", at(0), at(0), 60, 1), List.of("security-slack", "nope"), List.of());
      Finding skipped = Findings.routed(match("m2", "B", "k", at(0), at(0), 60, 1), List.of("SKIP"), List.of("oncall"));
      Finding outputs = Findings.routed(match("m3", "C", "k", at(0), at(0), 60, 1), null, List.of("d-named"));
      Finding signal = Findings.signal(match("m4", "D", "k", at(0), at(0), 60, 1));
      AlertWriter.Result r = apply(db, w, List.of(named, skipped, outputs, signal));
      assertThat(r.signals()).isEqualTo(1);
      assertThat(deliveries(db)).containsExactlyInAnyOrder(
          AlertIds.processingAlertId("A", 1, "k", AlertType.RULE) + "->d-named:PENDING",
          AlertIds.processingAlertId("A", 1, "k", AlertType.RULE) + "->nope:DEAD",
          AlertIds.processingAlertId("C", 1, "k", AlertType.RULE) + "->d-named:PENDING");
      assertThat(alerts(db)).hasSize(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void mergingUnionsLogTypes(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      AlertWriter w = writer(db, DedupSettings.PANTHER);
      apply(db, w, List.of(match("m1", "R", "k", at(0), at(0), 60, 1)));
      apply(db, w, List.of(Findings.withLogType(match("m2", "R", "k", at(1), at(1), 60, 1),
          "panther_rule_matches.okta_systemlog", "Okta.SystemLog")));
      assertThat(alerts(db).values()).extracting(AlertRow::logTypes)
          .containsExactly("[\"AWS.CloudTrail\",\"Okta.SystemLog\"]");
    }
  }
}
