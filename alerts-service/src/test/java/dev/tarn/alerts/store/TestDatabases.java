package dev.tarn.alerts.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Fresh, migrated databases for tests: H2 in a temp directory, or PostgreSQL in a new schema of the server at
 * {@code TARN_TEST_POSTGRES_URL} (default: the one {@code .ci/postgres.sh} starts on 127.0.0.1:5432).
 */
public final class TestDatabases {
  public static final String PG_URL = env("TARN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/tarn_test");
  public static final String PG_USER = env("TARN_TEST_POSTGRES_USER", "tarn");
  public static final String PG_PASSWORD = env("TARN_TEST_POSTGRES_PASSWORD", "tarn");

  private TestDatabases() {}

  public static Database open(Database.Dialect dialect, Path tempDir) {
    return dialect == Database.Dialect.H2 ? h2(tempDir) : postgres();
  }

  public static Database h2(Path tempDir) {
    return Database.open("jdbc:h2:file:" + tempDir.resolve("alerts-" + UUID.randomUUID()).toAbsolutePath(), null, null);
  }

  /** A new schema on the test PostgreSQL server, so tests never see each other's rows. */
  public static Database postgres() {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for tests is not reachable at " + PG_URL + " as " + PG_USER + ": "
          + e.getMessage() + ". Start it with .ci/postgres.sh (installs it from apt if needed), or point "
          + "TARN_TEST_POSTGRES_URL/USER/PASSWORD at another server.", e);
    }
    String sep = PG_URL.contains("?") ? "&" : "?";
    return Database.open(PG_URL + sep + "currentSchema=" + schema, PG_USER, PG_PASSWORD);
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
