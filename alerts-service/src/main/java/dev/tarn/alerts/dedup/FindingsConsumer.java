package dev.tarn.alerts.dedup;

import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.findings.FindingsBatch;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.findings.FindingsTable;
import dev.tarn.alerts.metrics.AlertsMetrics;
import dev.tarn.alerts.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the findings tables and applies what is new. For each table it reads the versions after the one recorded in
 * {@code findings_offsets} (a few at a time) and, in ONE database transaction, applies their findings to the alerts
 * and moves the recorded version — so a crash between the two is impossible and a restart resumes exactly where the
 * last commit left off. If another instance moved the offset meanwhile, the transaction rolls back.
 */
public final class FindingsConsumer {
  private static final Logger LOG = LoggerFactory.getLogger(FindingsConsumer.class);

  /** What one poll did across all tables. */
  public record PollResult(int tables, int versions, int findings, int applied, int alertsCreated, int windowsOpened,
      int deliveries) {}

  private final Database db;
  private final FindingsReader reader;
  private final AlertWriter writer;
  private final AlertsMetrics metrics;
  private final Clock clock;
  private final int versionsPerBatch;
  private volatile Instant lastPoll;

  public FindingsConsumer(Database db, FindingsReader reader, AlertWriter writer, AlertsMetrics metrics, Clock clock,
      int versionsPerBatch) {
    this.db = requireNonNull(db, "db is null");
    this.reader = requireNonNull(reader, "reader is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (versionsPerBatch < 1) {
      throw new IllegalArgumentException("Invalid versionsPerBatch: " + versionsPerBatch + " (must be >= 1)");
    }
    this.versionsPerBatch = versionsPerBatch;
  }

  /** When the last poll finished, or null before the first. */
  public Instant lastPoll() {
    return lastPoll;
  }

  /** Reads every table up to its latest version. */
  public PollResult pollOnce() {
    Map<String, Long> offsets = offsets();
    int tables = 0;
    int versions = 0;
    int findings = 0;
    int applied = 0;
    int created = 0;
    int windows = 0;
    int deliveries = 0;
    for (FindingsTable table : reader.tables()) {
      tables++;
      OptionalLong latest = reader.latestVersion(table);
      long offset = offsets.getOrDefault(table.qualifiedName(), -1L);
      Instant lastCommit = null;
      while (latest.isPresent() && offset < latest.getAsLong()) {
        long upTo = Math.min(latest.getAsLong(), offset + versionsPerBatch);
        FindingsBatch batch = reader.read(table, offset, upTo);
        long expected = offset;
        AlertWriter.Result r = db.inTransaction(c -> {
          AlertWriter.Result result = writer.apply(c, batch.findings(), clock.instant());
          moveOffset(c, table.qualifiedName(), expected, upTo, batch.commitTime());
          return result;
        });
        // Metrics only after the commit: a rolled-back batch created nothing.
        for (AlertWriter.CreatedAlert a : r.created()) {
          metrics.alertCreated(a.type().name(), a.severity());
        }
        metrics.matchesConsumed(table.qualifiedName(), "applied", r.applied());
        metrics.matchesConsumed(table.qualifiedName(), "already_seen", r.alreadySeen());
        metrics.matchesConsumed(table.qualifiedName(), "signal", r.signals());
        versions += (int) (upTo - offset);
        findings += r.read();
        applied += r.applied();
        created += r.created().size();
        windows += r.windowsOpened();
        deliveries += r.deliveriesEnqueued();
        offset = upTo;
        lastCommit = batch.commitTime();
      }
      long behind = latest.isPresent() ? Math.max(0, latest.getAsLong() - offset) : 0;
      long seconds = behind == 0 || lastCommit == null ? 0
          : Math.max(0, Duration.between(lastCommit, clock.instant()).getSeconds());
      metrics.lag(table.qualifiedName(), behind, seconds);
    }
    lastPoll = clock.instant();
    if (created > 0 || applied > 0) {
      LOG.info("Poll: {} finding(s) applied from {} version(s) of {} table(s); {} alert(s) created (reached their "
          + "threshold), {} new dedup window(s), {} delivery(ies) queued", applied, versions, tables, created, windows,
          deliveries);
    }
    return new PollResult(tables, versions, findings, applied, created, windows, deliveries);
  }

  private Map<String, Long> offsets() {
    return db.inTransaction(c -> {
      Map<String, Long> out = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT table_name, table_version FROM findings_offsets");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getLong(2));
        }
      }
      return out;
    });
  }

  private void moveOffset(java.sql.Connection c, String table, long expected, long version, Instant commitTime)
      throws java.sql.SQLException {
    Instant now = clock.instant();
    if (expected < 0) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO findings_offsets (table_name, table_version, "
          + "commit_time, updated_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, table);
        ps.setLong(2, version);
        ps.setTimestamp(3, timestamp(commitTime));
        ps.setTimestamp(4, timestamp(now));
        ps.executeUpdate(); // a concurrent first consumer makes this fail on the key, rolling the batch back
      }
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE findings_offsets SET table_version = ?, commit_time = ?, "
        + "updated_at = ? WHERE table_name = ? AND table_version = ?")) {
      ps.setLong(1, version);
      ps.setTimestamp(2, timestamp(commitTime));
      ps.setTimestamp(3, timestamp(now));
      ps.setString(4, table);
      ps.setLong(5, expected);
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("Findings offset of " + table + " moved under this consumer (expected version "
            + expected + "): another alerts service instance is consuming the same lake; this batch was rolled back");
      }
    }
  }
}
