package dev.tarn.alerts.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.findings.FindingFixtures;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.findings.FixtureTable;
import dev.tarn.alerts.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the service (SIGKILL, the runnable jar in its own JVM) while it consumes findings, restarts it, and checks
 * that every finding was applied exactly once: none lost, none counted twice. The service keeps its state in
 * PostgreSQL here, which the test watches from outside while the service runs (the embedded H2 file belongs to one
 * process at a time; the same transaction boundaries are tested on H2 in-process by FindingsConsumerTest).
 */
class AlertsServiceKillIT {
  private static final int VERSIONS = 120;
  private static final int ROWS_PER_VERSION = 5;
  private static final int KEYS = 20;
  @TempDir Path temp;

  @Test
  void killingTheServiceMidBatchLosesAndDuplicatesNothing() throws Exception {
    Path lake = temp.resolve("lake");
    FixtureTable matches = FixtureTable.create(lake, FindingKind.MATCH, "aws_cloudtrail",
        FindingFixtures.schema(true, false));
    int n = 0;
    for (int v = 0; v < VERSIONS; v++) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < ROWS_PER_VERSION; i++, n++) {
        Map<String, Object> row = new LinkedHashMap<>(FindingFixtures.match("m" + n, "AWS.Rule", "2026-11-01T10:00:00Z"));
        row.put("p_alert_dedup", "key-" + (n % KEYS));
        rows.add(row);
      }
      matches.append(rows);
    }
    String schema = "kill_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER,
        TestDatabases.PG_PASSWORD)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    String url = TestDatabases.PG_URL + (TestDatabases.PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;

    Process first = start(lake, url);
    try {
      waitFor(url, v -> v >= 10, 120_000);
    } finally {
      first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, mid-batch
    }
    long reached = offset(url);
    assertThat(reached).as("killed part-way").isLessThan(matches.version());

    Process second = start(lake, url);
    try {
      waitFor(url, v -> v == matches.version(), 120_000);
    } finally {
      second.destroyForcibly().waitFor();
    }
    assertThat(count(url, "SELECT count(*) FROM alert_matches")).isEqualTo(n);
    assertThat(count(url, "SELECT sum(event_count) FROM alerts")).isEqualTo(n);
    assertThat(count(url, "SELECT count(*) FROM alerts")).isEqualTo(KEYS);
  }

  private Process start(Path lake, String url) throws IOException {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar = files.filter(p -> p.getFileName().toString().matches("tarn-alerts-service-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("the runnable jar is not built (mvn package)"));
    }
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", jar.toString(), "serve", "--lake", lake.toString(), "--set", "alerts.port=0",
        "--set", "alerts.versionsPerBatch=1", "--set", "alerts.pollInterval=100ms",
        "--set", "alerts.database.url=" + url, "--set", "alerts.database.user=" + TestDatabases.PG_USER);
    pb.environment().put("TARN_ALERTS_DATABASE_PASSWORD", TestDatabases.PG_PASSWORD);
    pb.environment().put("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    pb.environment().put("TARN_ALERTS_ADMIN_TOKEN", "tarn_kill_test_admin_token_0123");
    pb.redirectErrorStream(true).redirectOutput(temp.resolve("service-" + System.nanoTime() + ".log").toFile());
    return pb.start();
  }

  private static void waitFor(String url, java.util.function.LongPredicate done, long millis) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (done.test(offset(url))) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The service did not get there in " + millis + " ms (offset " + offset(url) + ")");
  }

  private static long offset(String url) {
    try {
      return count(url, "SELECT coalesce(max(table_version), -1) FROM findings_offsets");
    } catch (SQLException e) {
      return -1; // not migrated yet
    }
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
