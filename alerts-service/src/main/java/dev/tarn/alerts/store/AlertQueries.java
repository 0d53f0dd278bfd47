package dev.tarn.alerts.store;

import static dev.tarn.alerts.store.Database.instant;
import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What analysts do with alerts: list and read them, and change their status and assignee. Every change is written to
 * {@code alert_audit} in the same transaction as the change. Rows are created and merged by the findings consumer;
 * this class only touches the status and assignee columns, so the two never overwrite each other's work.
 */
public final class AlertQueries {
  private static final String COLUMNS = "id, dedup_key, rule_id, rule_version, rule_display_name, type, dedup, "
      + "window_mode, window_start, window_end, title, severity, description, reference, runbook, context, tags, "
      + "destinations, output_ids, log_types, event_count, threshold, first_event_time, last_event_time, created_at, "
      + "updated_at, threshold_reached_at, status, assignee, status_updated_by, status_updated_at";

  /** Panther's alert statuses. OPEN is stored as such (Panther removes the attribute instead). */
  public enum Status {
    OPEN, TRIAGED, CLOSED, RESOLVED;

    public static Status fromName(String name) {
      for (Status s : values()) {
        if (s.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("Unknown alert status: " + name
          + " (expected one of OPEN, TRIAGED, CLOSED, RESOLVED)");
    }
  }

  /**
   * Which alerts to list, newest first. Empty sets and null bounds do not filter.
   *
   * @param from inclusive lower bound on {@code created_at}
   * @param to exclusive upper bound on {@code created_at}
   * @param after the last alert of the previous page, or null for the first page
   */
  /**
   * @param includeBelowThreshold also list dedup windows whose event count has not reached the rule's threshold yet
   *     (Panther keeps those out of its alert list; they become alerts, and are delivered, when they reach it)
   */
  public record Filter(Set<Status> statuses, Set<String> severities, String ruleId, Set<AlertType> types,
      Instant from, Instant to, Cursor after, int limit, boolean includeBelowThreshold) {
    public Filter {
      statuses = Set.copyOf(statuses);
      severities = severities.stream().map(s -> s.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
      types = Set.copyOf(types);
      if (limit < 1) {
        throw new IllegalArgumentException("Invalid limit: " + limit + " (must be >= 1)");
      }
    }
  }

  /** A position in the newest-first order: the (created_at, id) of the last alert seen. */
  public record Cursor(Instant createdAt, String id) {
    public Cursor {
      requireNonNull(createdAt, "createdAt is null");
      requireNonNull(id, "id is null");
    }

    /** Opaque text for clients: base64url of "epochSecond.nanos/id". */
    public String encode() {
      String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + "/" + id;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@link #encode()}'s text; throws IllegalArgumentException for anything else. */
    public static Cursor decode(String text) {
      try {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int slash = plain.indexOf('/');
        int dot = plain.indexOf('.');
        if (slash < 0 || dot < 0 || dot > slash || slash == plain.length() - 1) {
          throw new IllegalArgumentException("malformed");
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(plain.substring(0, dot)),
            Long.parseLong(plain.substring(dot + 1, slash)));
        return new Cursor(at, plain.substring(slash + 1));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Invalid cursor: " + text
            + " (pass the nextCursor of a previous response unchanged)", e);
      }
    }
  }

  /** One page of alerts; {@code next} is null on the last page. */
  public record Page(List<AlertRow> alerts, Cursor next) {
    public Page {
      alerts = List.copyOf(alerts);
    }
  }

  /** One row of {@code alert_audit}: who changed which field of which alert, from what to what, and when. */
  public record AuditEntry(long id, String alertId, String actor, String field, String oldValue, String newValue,
      Instant changedAt) {}

  /**
   * A change to apply to alerts.
   *
   * @param status the new status, or null to keep it
   * @param setsAssignee whether to change the assignee at all
   * @param assignee the new assignee when {@code setsAssignee}; null clears it
   */
  public record Change(Status status, boolean setsAssignee, String assignee) {
    public boolean isEmpty() {
      return status == null && !setsAssignee;
    }
  }

  /** The outcome of {@link #update}: how many alerts changed, or the ids that do not exist (then nothing changed). */
  public record UpdateResult(int updated, List<String> unknownIds) {
    public UpdateResult {
      unknownIds = List.copyOf(unknownIds);
    }
  }

  private final Database db;

  public AlertQueries(Database db) {
    this.db = requireNonNull(db, "db is null");
  }

  /** A page of alerts matching {@code filter}, newest first (by created_at, then id). */
  public Page list(Filter filter) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alerts WHERE 1 = 1");
    if (!filter.includeBelowThreshold()) {
      sql.append(" AND threshold_reached_at IS NOT NULL");
    }
    List<Object> args = new ArrayList<>();
    in(sql, args, "status", filter.statuses().stream().map(Enum::name).toList());
    in(sql, args, "UPPER(severity)", List.copyOf(filter.severities()));
    in(sql, args, "type", filter.types().stream().map(Enum::name).toList());
    if (filter.ruleId() != null) {
      sql.append(" AND rule_id = ?");
      args.add(filter.ruleId());
    }
    if (filter.from() != null) {
      sql.append(" AND created_at >= ?");
      args.add(timestamp(filter.from()));
    }
    if (filter.to() != null) {
      sql.append(" AND created_at < ?");
      args.add(timestamp(filter.to()));
    }
    if (filter.after() != null) {
      sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
      args.add(timestamp(filter.after().createdAt()));
      args.add(timestamp(filter.after().createdAt()));
      args.add(filter.after().id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC");
    return db.inTransaction(c -> {
      List<AlertRow> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) {
          ps.setObject(i + 1, args.get(i));
        }
        // One more than asked tells whether another page follows.
        ps.setMaxRows(filter.limit() + 1);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(AlertRow.read(rs));
          }
        }
      }
      if (rows.size() <= filter.limit()) {
        return new Page(rows, null);
      }
      List<AlertRow> page = rows.subList(0, filter.limit());
      AlertRow last = page.get(page.size() - 1);
      return new Page(page, new Cursor(last.createdAt(), last.id()));
    });
  }

  public Optional<AlertRow> get(String id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alerts WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(AlertRow.read(rs)) : Optional.empty();
        }
      }
    });
  }

  /** The audit trail of one alert, oldest change first. */
  public List<AuditEntry> audit(String alertId) {
    return db.inTransaction(c -> {
      List<AuditEntry> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT id, alert_id, actor, field, old_value, new_value, "
          + "changed_at FROM alert_audit WHERE alert_id = ? ORDER BY id")) {
        ps.setString(1, alertId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7))));
          }
        }
      }
      return out;
    });
  }

  /**
   * Applies {@code change} to every alert in {@code alertIds}, in one transaction, as {@code actor} at {@code now}.
   * When any id is unknown nothing changes and the unknown ids are returned. Fields already at their new value are
   * left alone and leave no audit row; the count is of alerts that actually changed.
   */
  public UpdateResult update(List<String> alertIds, Change change, String actor, Instant now) {
    requireNonNull(change, "change is null");
    requireNonNull(actor, "actor is null");
    List<String> ids = List.copyOf(new LinkedHashSet<>(alertIds));
    if (ids.isEmpty() || change.isEmpty()) {
      return new UpdateResult(0, List.of());
    }
    return db.inTransaction(c -> {
      Map<String, String[]> current = lockCurrent(c, ids);
      List<String> unknown = ids.stream().filter(id -> !current.containsKey(id)).toList();
      if (!unknown.isEmpty()) {
        return new UpdateResult(0, unknown);
      }
      int updated = 0;
      for (String id : ids) {
        String[] old = current.get(id);
        boolean changed = false;
        if (change.status() != null && !change.status().name().equals(old[0])) {
          set(c, "UPDATE alerts SET status = ?, status_updated_by = ?, status_updated_at = ? WHERE id = ?",
              change.status().name(), actor, timestamp(now), id);
          audit(c, id, actor, "status", old[0], change.status().name(), now);
          changed = true;
        }
        if (change.setsAssignee() && !Objects.equals(change.assignee(), old[1])) {
          set(c, "UPDATE alerts SET assignee = ? WHERE id = ?", change.assignee(), id);
          audit(c, id, actor, "assignee", old[1], change.assignee(), now);
          changed = true;
        }
        updated += changed ? 1 : 0;
      }
      return new UpdateResult(updated, List.of());
    });
  }

  /** Status and assignee by alert id, with the rows locked against concurrent analysts until commit. */
  private static Map<String, String[]> lockCurrent(Connection c, List<String> ids) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT id, status, assignee FROM alerts WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    in(sql, args, "id", ids);
    sql.append(" FOR UPDATE");
    Map<String, String[]> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < args.size(); i++) {
        ps.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1).trim(), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    return out;
  }

  private static void audit(Connection c, String alertId, String actor, String field, String oldValue,
      String newValue, Instant now) throws SQLException {
    set(c, "INSERT INTO alert_audit (alert_id, actor, field, old_value, new_value, changed_at) "
        + "VALUES (?, ?, ?, ?, ?, ?)", alertId, actor, field, oldValue, newValue, timestamp(now));
  }

  private static void set(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        if (args[i] == null) {
          ps.setNull(i + 1, Types.VARCHAR);
        } else {
          ps.setObject(i + 1, args[i]);
        }
      }
      ps.executeUpdate();
    }
  }

  private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
    if (!values.isEmpty()) {
      sql.append(" AND ").append(column).append(" IN (").append(String.join(", ", Collections.nCopies(
          values.size(), "?"))).append(')');
      args.addAll(values);
    }
  }
}
