package dev.tarn.alerts.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void migratesTheSchemaAndRollsBackFailedWork(Database.Dialect dialect) {
    try (Database db = TestDatabases.open(dialect, temp)) {
      assertThat(db.dialect()).isEqualTo(dialect);
      assertThatThrownBy(() -> db.inTransaction(c -> {
        c.createStatement().executeUpdate("INSERT INTO findings_offsets (table_name, table_version, updated_at) "
            + "VALUES ('panther_rule_matches.t', 3, CURRENT_TIMESTAMP)");
        throw new IllegalStateException("boom");
      })).hasMessage("boom");
      long rows = db.inTransaction(c -> {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM findings_offsets")) {
          rs.next();
          return rs.getLong(1);
        }
      });
      assertThat(rows).isZero();
    }
  }

  @org.junit.jupiter.api.Test
  void refusesUnknownUrlsWithoutEchoingPasswords() {
    assertThatThrownBy(() -> Database.open("jdbc:mysql://h/db?password=hunter2", null, null))
        .hasMessageContaining("password=***").hasMessageNotContaining("hunter2");
  }
}
