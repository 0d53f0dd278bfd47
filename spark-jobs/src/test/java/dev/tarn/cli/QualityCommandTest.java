package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityCommandTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-02T00:00:00Z"), ZoneOffset.UTC);

  private static QualityCommand command(String table) {
    QualityCommand command = new QualityCommand();
    command.tables = List.of(table);
    command.dates = List.of(LocalDate.parse("2026-04-01"));
    return command;
  }

  private static int run(QualityCommand command) {
    return command.run(TestLake.spark(), TestLake.lake(), LogTypeRegistry.builtin(), CLOCK);
  }

  @Test
  void exitsWithOneWhenACheckFails() {
    String db = "quality_cli";
    TestLake.spark().sql("CREATE DATABASE IF NOT EXISTS " + db + " LOCATION '" + TestLake.lake().databasePath(db)
        + "'");
    TestLake.spark().sql("CREATE TABLE " + db + ".dup_rows (p_log_type string, p_row_id string,"
        + " p_event_time timestamp, p_date date) USING delta PARTITIONED BY (p_date)"
        + " LOCATION '" + TestLake.lake().tablePath(db, "dup_rows") + "'");
    TestLake.spark().sql("INSERT INTO " + db + ".dup_rows VALUES ('X', 'r1', TIMESTAMP'2026-04-01 10:00:00',"
        + " DATE'2026-04-01'), ('X', 'r1', TIMESTAMP'2026-04-01 11:00:00', DATE'2026-04-01')");

    assertThat(run(command(db + ".dup_rows"))).isEqualTo(1);
  }

  @Test
  void rejectsATableThatDoesNotExist() {
    assertThatThrownBy(() -> run(command("no_such_table"))).isInstanceOf(UserException.class)
        .hasMessageContaining("no table panther_logs.no_such_table");
  }
}
