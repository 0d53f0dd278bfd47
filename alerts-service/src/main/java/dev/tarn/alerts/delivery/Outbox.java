package dev.tarn.alerts.delivery;

import static dev.tarn.alerts.store.Database.instant;
import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The delivery outbox: one row per (alert, destination), written in the same transaction as the alert change that
 * made it due, then claimed and sent by the {@link DeliveryWorker}. Every attempt is recorded; rows only become
 * DELIVERED on success and DEAD after the last attempt, from where {@link #requeue} sends them again.
 */
public final class Outbox {
  private static final String COLUMNS = "id, alert_id, destination_id, status, attempts, next_attempt_at, "
      + "last_status_code, last_error, resend, created_at, updated_at, delivered_at";

  private final Database db;
  private final Clock clock;

  public Outbox(Database db, Clock clock) {
    this.db = requireNonNull(db, "db is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Adds PENDING deliveries of {@code alertId}, inside the caller's transaction. */
  public static void enqueue(Connection c, String alertId, Collection<String> destinationIds, Instant now)
      throws SQLException {
    if (destinationIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (alert_id, destination_id, status, attempts, "
        + "next_attempt_at, resend, created_at, updated_at) VALUES (?, ?, 'PENDING', 0, ?, FALSE, ?, ?)")) {
      for (String destinationId : destinationIds) {
        ps.setString(1, alertId);
        ps.setString(2, destinationId);
        ps.setTimestamp(3, timestamp(now));
        ps.setTimestamp(4, timestamp(now));
        ps.setTimestamp(5, timestamp(now));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Records, inside the caller's transaction, a delivery that cannot be attempted (the rule named a destination that
   * does not exist): it goes straight to the dead letters with the reason, so it is seen and can be fixed and
   * re-queued, never silently dropped.
   */
  public static void deadOnArrival(Connection c, String alertId, String destinationRef, String reason, Instant now)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO deliveries (alert_id, destination_id, status, attempts, "
        + "next_attempt_at, last_error, resend, created_at, updated_at) VALUES (?, ?, 'DEAD', 0, ?, ?, FALSE, ?, ?)")) {
      ps.setString(1, alertId);
      ps.setString(2, destinationRef);
      ps.setTimestamp(3, timestamp(now));
      ps.setString(4, truncate(reason));
      ps.setTimestamp(5, timestamp(now));
      ps.setTimestamp(6, timestamp(now));
      ps.executeUpdate();
    }
  }

  /**
   * Claims up to {@code limit} due deliveries for {@code lease}: PENDING ones whose time has come, and SENDING ones
   * whose lease ran out (their worker died mid-send). A claimed row is SENDING until recorded.
   */
  public List<Delivery> claimDue(int limit, Duration lease) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      List<Delivery> due = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries WHERE "
          + "(status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND lease_until < ?) "
          + "ORDER BY next_attempt_at, id")) {
        ps.setTimestamp(1, timestamp(now));
        ps.setTimestamp(2, timestamp(now));
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            due.add(read(rs));
          }
        }
      }
      List<Delivery> claimed = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'SENDING', lease_until = ?, "
          + "updated_at = ? WHERE id = ? AND ((status = 'PENDING' AND next_attempt_at <= ?) "
          + "OR (status = 'SENDING' AND lease_until < ?))")) {
        for (Delivery d : due) {
          ps.setTimestamp(1, timestamp(now.plus(lease)));
          ps.setTimestamp(2, timestamp(now));
          ps.setLong(3, d.id());
          ps.setTimestamp(4, timestamp(now));
          ps.setTimestamp(5, timestamp(now));
          if (ps.executeUpdate() == 1) {
            claimed.add(d);
          }
        }
      }
      return claimed;
    });
  }

  /** Records a successful attempt: the delivery is DELIVERED. */
  public void recordSuccess(Delivery d, DeliveryResult result, long durationMs) {
    Instant now = clock.instant();
    db.inTransaction(c -> {
      int attempt = d.attempts() + 1;
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'DELIVERED', attempts = ?, "
          + "last_status_code = ?, last_error = NULL, lease_until = NULL, updated_at = ?, delivered_at = ? WHERE id = ?")) {
        ps.setInt(1, attempt);
        setInteger(ps, 2, result.statusCode());
        ps.setTimestamp(3, timestamp(now));
        ps.setTimestamp(4, timestamp(now));
        ps.setLong(5, d.id());
        ps.executeUpdate();
      }
      insertAttempt(c, d.id(), attempt, now, result, durationMs);
      return null;
    });
  }

  /**
   * Records a failed attempt: back to PENDING at {@code nextAttemptAt}, or DEAD when {@code nextAttemptAt} is null
   * (no attempts left, or a permanent failure).
   */
  public void recordFailure(Delivery d, DeliveryResult result, long durationMs, Instant nextAttemptAt) {
    Instant now = clock.instant();
    db.inTransaction(c -> {
      int attempt = d.attempts() + 1;
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = ?, attempts = ?, "
          + "next_attempt_at = ?, last_status_code = ?, last_error = ?, lease_until = NULL, updated_at = ? WHERE id = ?")) {
        ps.setString(1, nextAttemptAt == null ? DeliveryStatus.DEAD.name() : DeliveryStatus.PENDING.name());
        ps.setInt(2, attempt);
        ps.setTimestamp(3, timestamp(nextAttemptAt == null ? now : nextAttemptAt));
        setInteger(ps, 4, result.statusCode());
        ps.setString(5, truncate(result.message()));
        ps.setTimestamp(6, timestamp(now));
        ps.setLong(7, d.id());
        ps.executeUpdate();
      }
      insertAttempt(c, d.id(), attempt, now, result, durationMs);
      return null;
    });
  }

  private static void insertAttempt(Connection c, long deliveryId, int attempt, Instant at, DeliveryResult result,
      long durationMs) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO delivery_attempts (delivery_id, attempt, attempted_at, "
        + "success, status_code, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, deliveryId);
      ps.setInt(2, attempt);
      ps.setTimestamp(3, timestamp(at));
      ps.setBoolean(4, result.success());
      setInteger(ps, 5, result.statusCode());
      ps.setString(6, result.success() ? null : truncate(result.message()));
      ps.setLong(7, durationMs);
      ps.executeUpdate();
    }
  }

  /** Sends dead letters again: DEAD → PENDING now, with a fresh set of attempts. Returns how many were re-queued. */
  public int requeue(Collection<Long> ids) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'PENDING', attempts = 0, "
          + "next_attempt_at = ?, updated_at = ? WHERE id = ? AND status = 'DEAD'")) {
        for (long id : ids) {
          ps.setTimestamp(1, timestamp(now));
          ps.setTimestamp(2, timestamp(now));
          ps.setLong(3, id);
          n += ps.executeUpdate();
        }
      }
      return n;
    });
  }

  /** Re-queues every dead letter (optionally only those of one destination). */
  public int requeueAllDead(String destinationId) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'PENDING', attempts = 0, "
          + "next_attempt_at = ?, updated_at = ? WHERE status = 'DEAD'"
          + (destinationId == null ? "" : " AND destination_id = ?"))) {
        ps.setTimestamp(1, timestamp(now));
        ps.setTimestamp(2, timestamp(now));
        if (destinationId != null) {
          ps.setString(3, destinationId);
        }
        return ps.executeUpdate();
      }
    });
  }

  /**
   * Sends an alert to a destination again by hand (Panther's deliverAlert): the (alert, destination) row goes back to
   * PENDING marked as a re-send, or is created. Returns the delivery id.
   */
  public long resend(String alertId, String destinationId) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE deliveries SET status = 'PENDING', attempts = 0, "
          + "resend = TRUE, next_attempt_at = ?, updated_at = ? WHERE alert_id = ? AND destination_id = ? "
          + "AND status <> 'SENDING'")) {
        ps.setTimestamp(1, timestamp(now));
        ps.setTimestamp(2, timestamp(now));
        ps.setString(3, alertId);
        ps.setString(4, destinationId);
        if (ps.executeUpdate() == 0) {
          if (!forAlert(c, alertId, destinationId).isEmpty()) {
            throw new InProgressException("Alert " + alertId + " is being sent to " + destinationId
                + " right now; try again when that attempt has finished");
          }
          try (PreparedStatement ins = c.prepareStatement("INSERT INTO deliveries (alert_id, destination_id, status, "
              + "attempts, next_attempt_at, resend, created_at, updated_at) VALUES (?, ?, 'PENDING', 0, ?, TRUE, ?, ?)")) {
            ins.setString(1, alertId);
            ins.setString(2, destinationId);
            ins.setTimestamp(3, timestamp(now));
            ins.setTimestamp(4, timestamp(now));
            ins.setTimestamp(5, timestamp(now));
            ins.executeUpdate();
          }
        }
      }
      return forAlert(c, alertId, destinationId).get(0).id();
    });
  }

  private static List<Delivery> forAlert(Connection c, String alertId, String destinationId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM deliveries WHERE alert_id = ? AND destination_id = ?")) {
      ps.setString(1, alertId);
      ps.setString(2, destinationId);
      return readAll(ps);
    }
  }

  /** A re-send asked for while the same delivery is being sent. */
  public static final class InProgressException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InProgressException(String message) {
      super(message);
    }
  }

  public Optional<Delivery> get(long id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries WHERE id = ?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  public List<Delivery> forAlert(String alertId) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM deliveries WHERE alert_id = ? ORDER BY id")) {
        ps.setString(1, alertId);
        return readAll(ps);
      }
    });
  }

  /** Deliveries in {@code status} (all when null), by id, after {@code afterId} (a cursor; null = from the start). */
  public List<Delivery> list(DeliveryStatus status, Long afterId, int limit) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM deliveries WHERE id > ?"
          + (status == null ? "" : " AND status = ?") + " ORDER BY id")) {
        ps.setLong(1, afterId == null ? 0 : afterId);
        if (status != null) {
          ps.setString(2, status.name());
        }
        ps.setMaxRows(limit);
        return readAll(ps);
      }
    });
  }

  public List<DeliveryAttempt> attempts(long deliveryId) {
    return db.inTransaction(c -> {
      List<DeliveryAttempt> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT delivery_id, attempt, attempted_at, success, status_code, "
          + "error, duration_ms FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt, id")) {
        ps.setLong(1, deliveryId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            int code = rs.getInt(5);
            out.add(new DeliveryAttempt(rs.getLong(1), rs.getInt(2), instant(rs.getTimestamp(3)), rs.getBoolean(4),
                rs.wasNull() ? null : code, rs.getString(6), rs.getLong(7)));
          }
        }
      }
      return out;
    });
  }

  /** Deliveries by status, for metrics and status screens. */
  public java.util.Map<DeliveryStatus, Long> countsByStatus() {
    return db.inTransaction(c -> {
      java.util.Map<DeliveryStatus, Long> out = new java.util.EnumMap<>(DeliveryStatus.class);
      for (DeliveryStatus s : DeliveryStatus.values()) {
        out.put(s, 0L);
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM deliveries GROUP BY status");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2));
        }
      }
      return out;
    });
  }

  private static List<Delivery> readAll(PreparedStatement ps) throws SQLException {
    List<Delivery> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  private static Delivery read(ResultSet rs) throws SQLException {
    int code = rs.getInt(7);
    Integer statusCode = rs.wasNull() ? null : code;
    return new Delivery(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), DeliveryStatus.valueOf(rs.getString(4)),
        rs.getInt(5), instant(rs.getTimestamp(6)), statusCode, rs.getString(8), rs.getBoolean(9),
        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)));
  }

  private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.INTEGER);
    } else {
      ps.setInt(index, value);
    }
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
  }
}
