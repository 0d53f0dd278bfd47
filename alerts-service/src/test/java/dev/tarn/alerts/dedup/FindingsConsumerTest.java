package dev.tarn.alerts.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.alerts.findings.FindingFixtures;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.findings.FixtureTable;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.TestDatabases;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The consumer over real Delta tables (written with Kernel) and a real database. */
class FindingsConsumerTest {
  @TempDir Path temp;

  private static long count(Database db, String sql) {
    return db.inTransaction(c -> {
      try (ResultSet rs = c.createStatement().executeQuery(sql)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  private FindingsConsumer consumer(Database db, Path lake, Clock clock) {
    DestinationStore destinations = new DestinationStore(db, new SecretBox(new byte[32]), clock);
    return new FindingsConsumer(db, new FindingsReader(lake.toString()),
        new AlertWriter(DedupSettings.PANTHER, destinations), new AlertsMetrics(), clock, 1);
  }

  private static Map<String, Object> match(String id, String dedup) {
    Map<String, Object> row = new java.util.LinkedHashMap<>(FindingFixtures.match(id, "AWS.Root", "2026-11-01T10:00:00Z"));
    row.put("p_alert_dedup", dedup);
    row.put("p_rule_threshold", 1);
    return row;
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void readsOnlyNewVersionsAndAppliesEachFindingOnce(Database.Dialect dialect) {
    Path lake = temp.resolve("lake");
    FixtureTable matches = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail",
        FindingFixtures.schema(true, false));
    FixtureTable errors = FixtureTable.create(lake, FindingKind.ERROR, "aws_cloudtrail",
        FindingFixtures.schema(true, true));
    try (Database db = TestDatabases.open(dialect, temp)) {
      FindingsConsumer consumer = consumer(db, lake, Clock.system(ZoneOffset.UTC));
      matches.append(List.of(match("m1", "a"), match("m2", "a")));
      matches.append(List.of(match("m3", "b")));
      errors.append(List.of(FindingFixtures.error("e1", "AWS.Root", "2026-11-01T10:00:00Z", "KeyError: 'x'")));

      FindingsConsumer.PollResult first = consumer.pollOnce();
      assertThat(first.tables()).isEqualTo(2);
      assertThat(first.applied()).isEqualTo(4);
      assertThat(first.windowsOpened()).isEqualTo(3);
      assertThat(first.alertsCreated()).isEqualTo(3);
      assertThat(count(db, "SELECT count(*) FROM alert_matches")).isEqualTo(4);

      assertThat(consumer.pollOnce().versions()).isZero();

      matches.append(List.of(match("m4", "a")));
      matches.compact(); // OPTIMIZE: rewrites every row, adds no data
      matches.delete(r -> r.get("p_match_id").equals("m2")); // DELETE: rewrites m1's file with m1 in it
      FindingsConsumer.PollResult later = consumer.pollOnce();
      assertThat(later.versions()).isEqualTo(3);
      assertThat(later.applied()).isEqualTo(1);
      assertThat(count(db, "SELECT sum(event_count) FROM alerts WHERE type = 'RULE'")).isEqualTo(4);
      assertThat(count(db, "SELECT table_version FROM findings_offsets WHERE table_name = "
          + "'panther_rule_matches.aws_cloudtrail'")).isEqualTo(matches.version());
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void aCrashBetweenApplyingAndRecordingTheVersionLosesAndDuplicatesNothing(Database.Dialect dialect) {
    Path lake = temp.resolve("lake");
    FixtureTable matches = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail",
        FindingFixtures.schema(true, false));
    matches.append(List.of(match("m1", "a"), match("m2", "a")));
    matches.append(List.of(match("m3", "a")));
    try (Database db = TestDatabases.open(dialect, temp)) {
      // The clock is read once to apply the batch and once to record its version: fail the second read of the
      // second batch, i.e. after its alerts were written, before its version was — as a kill there would.
      AtomicInteger reads = new AtomicInteger();
      Clock crashing = new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          if (reads.incrementAndGet() == 6) {
            throw new IllegalStateException("killed");
          }
          return Instant.now();
        }
      };
      assertThatThrownBy(() -> consumer(db, lake, crashing).pollOnce()).hasMessageContaining("killed");
      long afterCrash = count(db, "SELECT coalesce(sum(event_count), 0) FROM alerts");
      long offsetAfterCrash = count(db, "SELECT table_version FROM findings_offsets");

      FindingsConsumer.PollResult resumed = consumer(db, lake, Clock.system(ZoneOffset.UTC)).pollOnce();
      assertThat(offsetAfterCrash).isLessThan(matches.version());
      assertThat(afterCrash).isEqualTo(2); // the third match's batch was rolled back whole
      assertThat(afterCrash + resumed.applied()).isEqualTo(3);
      assertThat(count(db, "SELECT sum(event_count) FROM alerts")).isEqualTo(3);
      assertThat(count(db, "SELECT count(*) FROM alert_matches")).isEqualTo(3);
      assertThat(count(db, "SELECT table_version FROM findings_offsets")).isEqualTo(matches.version());
    }
  }
}
