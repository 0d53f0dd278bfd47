package dev.tarn.alerts.dedup;

import static dev.tarn.alerts.store.Database.instant;
import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.Outbox;
import dev.tarn.alerts.delivery.Severities;
import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.store.DestinationStore;
import dev.tarn.alerts.store.Json;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns findings into alerts inside the caller's transaction, with Panther's dedup semantics (§6.3): one alert per
 * dedup key and window; a new window when there is no alert yet or the current one was created a dedup period or
 * more before the match; otherwise the match merges in (event count, log types, update time). Deliveries are
 * enqueued once, when the alert's cumulative event count first reaches the rule's threshold (errors: at once).
 * System findings ({@code tarn health}'s alarms) go through the same path as SYSTEM_ERROR alerts: the alarm id is the
 * rule id, the subject the dedup string, and a repeat within the period counts in without being delivered again.
 *
 * <p>Each finding is applied at most once: its {@code p_match_id} is recorded in {@code alert_matches} with the alert
 * it joined, and findings already recorded are skipped — so re-reading a table version, or a file rewritten by a
 * DELETE, never counts a match twice.
 */
public final class AlertWriter {
  private static final int IN_CHUNK = 500;

  /**
   * What one batch did.
   *
   * @param created alerts that reached their threshold in this batch — Panther's "alert created" (AlertsCreated)
   * @param windowsOpened new dedup windows (alert rows), including those still below their threshold
   */
  public record Result(int read, int alreadySeen, int signals, int applied, List<CreatedAlert> created,
      int windowsOpened, int merged, int deliveriesEnqueued) {}

  /** An alert that reached its threshold in this batch, for the AlertsCreated metric. */
  public record CreatedAlert(String id, AlertType type, String severity) {}

  private final DedupSettings settings;
  private final DestinationStore destinations;

  public AlertWriter(DedupSettings settings, DestinationStore destinations) {
    this.settings = requireNonNull(settings, "settings is null");
    this.destinations = requireNonNull(destinations, "destinations is null");
  }

  public Result apply(Connection c, List<Finding> batch, Instant now) throws SQLException {
    Map<String, Finding> byMatch = new LinkedHashMap<>();
    int signals = 0;
    for (Finding f : batch) {
      if (f.kind() != FindingKind.ERROR && !f.createAlert()) {
        signals++; // CreateAlert: false — a signal, kept in the findings table, no alert (errors always alert)
        continue;
      }
      byMatch.putIfAbsent(f.matchId(), f);
    }
    Set<String> seen = new HashSet<>(existing(c, "SELECT match_id FROM alert_matches WHERE match_id IN ",
        byMatch.keySet(), rs -> rs.getString(1)));
    List<Finding> fresh = new ArrayList<>();
    for (Finding f : byMatch.values()) {
      if (!seen.contains(f.matchId())) {
        fresh.add(f);
      }
    }
    int alreadySeen = byMatch.size() - fresh.size() + (batch.size() - signals - byMatch.size());
    if (fresh.isEmpty()) {
      return new Result(batch.size(), alreadySeen, signals, 0, List.of(), 0, 0, 0);
    }
    fresh.sort(Comparator.comparing((Finding f) -> clock(f)).thenComparing(Finding::matchId));

    Map<String, DedupState> states = loadStates(c, fresh);
    Set<String> dirtyStates = new HashSet<>();
    Map<String, AlertDraft> drafts = new LinkedHashMap<>();
    for (Finding f : fresh) {
      AlertType type = AlertDraft.typeOf(f);
      String dedup = f.dedup() == null ? "" : f.dedup();
      String key = AlertIds.dedupKey(f.ruleId(), dedup, type);
      Duration period = Duration.ofMinutes(Math.max(1, f.dedupPeriodMinutes()));
      WindowMode mode = settings.modeFor(f.ruleId());
      Instant t = clock(f, mode);
      AlertDraft draft;
      if (mode == WindowMode.PROCESSING) {
        DedupState st = states.get(key);
        if (st == null || !t.isBefore(st.windowStart.plus(period))) {
          long count = st == null ? 1 : st.alertCount + 1;
          String id = AlertIds.processingAlertId(f.ruleId(), count, dedup, type);
          states.put(key, new DedupState(key, f.ruleId(), count, id, t, st != null && st.stored));
          dirtyStates.add(key);
          draft = drafts.computeIfAbsent(id, i -> new AlertDraft(i, key, f, type, mode, t, t.plus(period)));
        } else {
          DedupState current = st;
          draft = drafts.computeIfAbsent(st.alertId, i -> new AlertDraft(i, key, f, type, mode,
              current.windowStart, current.windowStart.plus(period)));
        }
      } else {
        long p = period.getSeconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), p) * p);
        String id = AlertIds.eventWindowAlertId(f.ruleId(), start, dedup, type);
        draft = drafts.computeIfAbsent(id, i -> new AlertDraft(i, key, f, type, mode, start, start.plus(period)));
      }
      draft.add(f);
    }

    Map<String, StoredAlert> stored = loadAlerts(c, drafts.keySet());
    List<CreatedAlert> created = new ArrayList<>();
    List<AlertDraft> inserts = new ArrayList<>();
    List<AlertDraft> updates = new ArrayList<>();
    Map<String, Boolean> reachesThreshold = new HashMap<>();
    for (AlertDraft d : drafts.values()) {
      StoredAlert s = stored.get(d.alertId);
      long total = (s == null ? 0 : s.eventCount) + d.findings.size();
      int threshold = s == null ? d.threshold() : s.threshold;
      boolean already = s != null && s.thresholdReached;
      boolean reaches = !already && total >= threshold;
      reachesThreshold.put(d.alertId, reaches);
      if (reaches) {
        created.add(new CreatedAlert(d.alertId, d.type, s == null ? severity(d) : s.severity()));
      }
      if (s == null) {
        inserts.add(d);
      } else {
        updates.add(d);
      }
    }
    insertAlerts(c, inserts, reachesThreshold, now);
    updateAlerts(c, updates, stored, reachesThreshold, now);
    insertMatches(c, drafts.values());
    saveStates(c, states, dirtyStates);
    int enqueued = enqueueDeliveries(c, drafts.values(), stored, reachesThreshold, now);
    return new Result(batch.size(), alreadySeen, signals, fresh.size(), created, inserts.size(), updates.size(),
        enqueued);
  }

  private static Instant clock(Finding f) {
    return f.detectTime();
  }

  private static Instant clock(Finding f, WindowMode mode) {
    return mode == WindowMode.EVENT && f.eventTime() != null ? f.eventTime() : f.detectTime();
  }

  /**
   * Panther's five severities. The detect job validates what rules return; a value from elsewhere that is not one of
   * them must not stop the consumer, so it is kept visible as INFO rather than failing the batch forever.
   */
  private static String severity(AlertDraft d) {
    String s = d.first.severity();
    return Severities.isKnown(s) ? Severities.normalize(s) : "INFO";
  }

  private record DedupState(String key, String ruleId, long alertCount, String alertId, Instant windowStart,
      boolean stored) {}

  private record StoredAlert(long eventCount, Set<String> logTypes, boolean thresholdReached, int threshold,
      Instant firstEventTime, Instant lastEventTime, List<String> destinations, List<String> outputIds,
      String severity, AlertType type) {}

  private Map<String, DedupState> loadStates(Connection c, List<Finding> findings) throws SQLException {
    Set<String> keys = new HashSet<>();
    for (Finding f : findings) {
      if (settings.modeFor(f.ruleId()) == WindowMode.PROCESSING) {
        keys.add(AlertIds.dedupKey(f.ruleId(), f.dedup() == null ? "" : f.dedup(), AlertDraft.typeOf(f)));
      }
    }
    Map<String, DedupState> out = new HashMap<>();
    for (DedupState s : existing(c, "SELECT dedup_key, rule_id, alert_count, current_alert_id, current_window_start "
        + "FROM dedup_state WHERE dedup_key IN ", keys, rs -> new DedupState(rs.getString(1), rs.getString(2),
        rs.getLong(3), rs.getString(4), instant(rs.getTimestamp(5)), true))) {
      out.put(s.key(), s);
    }
    return out;
  }

  private Map<String, StoredAlert> loadAlerts(Connection c, Set<String> ids) throws SQLException {
    Map<String, StoredAlert> out = new HashMap<>();
    List<Map.Entry<String, StoredAlert>> rows = new ArrayList<>(existing(c, "SELECT id, event_count, log_types, "
        + "threshold_reached_at, threshold, first_event_time, last_event_time, destinations, output_ids, severity, type "
        + "FROM alerts WHERE id IN ", ids, rs -> Map.entry(rs.getString(1), new StoredAlert(rs.getLong(2),
        new TreeSet<>(Json.stringList(rs.getString(3))), rs.getTimestamp(4) != null, rs.getInt(5),
        instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), Json.stringList(rs.getString(8)),
        Json.stringList(rs.getString(9)), rs.getString(10), AlertType.valueOf(rs.getString(11))))));
    for (Map.Entry<String, StoredAlert> e : rows) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  private static void insertAlerts(Connection c, List<AlertDraft> drafts, Map<String, Boolean> reaches, Instant now)
      throws SQLException {
    if (drafts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alerts (id, dedup_key, rule_id, rule_version, "
        + "rule_display_name, type, dedup, window_mode, window_start, window_end, title, severity, description, "
        + "reference, runbook, context, tags, destinations, output_ids, log_types, event_count, threshold, "
        + "first_event_time, last_event_time, created_at, updated_at, threshold_reached_at, status) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")) {
      for (AlertDraft d : drafts) {
        Finding f = d.first;
        int i = 1;
        ps.setString(i++, d.alertId);
        ps.setString(i++, d.dedupKey);
        ps.setString(i++, f.ruleId());
        ps.setString(i++, f.ruleVersion() == null ? null : truncate(f.ruleVersion(), 200));
        ps.setString(i++, f.ruleDisplayName() == null ? null : truncate(f.ruleDisplayName(), 1000));
        ps.setString(i++, d.type.name());
        ps.setString(i++, f.dedup() == null ? "" : truncate(f.dedup(), 2000));
        ps.setString(i++, d.mode.name());
        ps.setTimestamp(i++, timestamp(d.windowStart));
        ps.setTimestamp(i++, timestamp(d.windowEnd));
        ps.setString(i++, d.title());
        ps.setString(i++, severity(d));
        ps.setString(i++, f.description());
        ps.setString(i++, f.reference());
        ps.setString(i++, f.runbook());
        ps.setString(i++, f.contextJson());
        ps.setString(i++, Json.write(f.tags()));
        ps.setString(i++, f.destinations() == null ? null : Json.write(f.destinations()));
        ps.setString(i++, Json.write(f.outputIds()));
        ps.setString(i++, Json.write(List.copyOf(d.logTypes)));
        ps.setLong(i++, d.findings.size());
        ps.setInt(i++, d.threshold());
        ps.setTimestamp(i++, timestamp(d.firstEventTime));
        ps.setTimestamp(i++, timestamp(d.lastEventTime));
        ps.setTimestamp(i++, timestamp(now));
        ps.setTimestamp(i++, timestamp(now));
        ps.setTimestamp(i, reaches.get(d.alertId) ? timestamp(now) : null);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void updateAlerts(Connection c, List<AlertDraft> drafts, Map<String, StoredAlert> stored,
      Map<String, Boolean> reaches, Instant now) throws SQLException {
    if (drafts.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET event_count = event_count + ?, log_types = ?, "
        + "first_event_time = ?, last_event_time = ?, updated_at = ?, "
        + "threshold_reached_at = COALESCE(threshold_reached_at, ?) WHERE id = ?")) {
      for (AlertDraft d : drafts) {
        StoredAlert s = stored.get(d.alertId);
        TreeSet<String> logTypes = new TreeSet<>(s.logTypes());
        logTypes.addAll(d.logTypes);
        ps.setLong(1, d.findings.size());
        ps.setString(2, Json.write(List.copyOf(logTypes)));
        ps.setTimestamp(3, timestamp(min(s.firstEventTime(), d.firstEventTime)));
        ps.setTimestamp(4, timestamp(max(s.lastEventTime(), d.lastEventTime)));
        ps.setTimestamp(5, timestamp(now));
        ps.setTimestamp(6, reaches.get(d.alertId) ? timestamp(now) : null);
        ps.setString(7, d.alertId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertMatches(Connection c, Collection<AlertDraft> drafts) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_matches (match_id, alert_id, table_name, "
        + "event_date, detect_time) VALUES (?, ?, ?, ?, ?)")) {
      for (AlertDraft d : drafts) {
        for (Finding f : d.findings) {
          ps.setString(1, f.matchId());
          ps.setString(2, d.alertId);
          ps.setString(3, f.table());
          ps.setDate(4, f.eventDate() == null ? null : Date.valueOf(f.eventDate()));
          ps.setTimestamp(5, timestamp(f.detectTime()));
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static void saveStates(Connection c, Map<String, DedupState> states, Set<String> dirty) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE dedup_state SET alert_count = ?, current_alert_id = ?, "
        + "current_window_start = ? WHERE dedup_key = ?");
        PreparedStatement insert = c.prepareStatement("INSERT INTO dedup_state (dedup_key, rule_id, alert_count, "
            + "current_alert_id, current_window_start) VALUES (?, ?, ?, ?, ?)")) {
      boolean updates = false;
      boolean inserts = false;
      for (String key : dirty) {
        DedupState s = states.get(key);
        if (s.stored()) {
          update.setLong(1, s.alertCount());
          update.setString(2, s.alertId());
          update.setTimestamp(3, timestamp(s.windowStart()));
          update.setString(4, key);
          update.addBatch();
          updates = true;
        } else {
          insert.setString(1, key);
          insert.setString(2, s.ruleId());
          insert.setLong(3, s.alertCount());
          insert.setString(4, s.alertId());
          insert.setTimestamp(5, timestamp(s.windowStart()));
          insert.addBatch();
          inserts = true;
        }
      }
      if (updates) {
        update.executeBatch();
      }
      if (inserts) {
        insert.executeBatch();
      }
    }
  }

  private int enqueueDeliveries(Connection c, Collection<AlertDraft> drafts, Map<String, StoredAlert> stored,
      Map<String, Boolean> reaches, Instant now) throws SQLException {
    List<DestinationConfig> configured = null;
    int enqueued = 0;
    for (AlertDraft d : drafts) {
      if (!reaches.get(d.alertId)) {
        continue;
      }
      if (configured == null) {
        configured = destinations.list(c).stream().map(DestinationStore.Stored::config).toList();
      }
      StoredAlert s = stored.get(d.alertId);
      List<String> generated = s == null ? d.first.destinations() : s.destinations();
      List<String> outputIds = s == null ? d.first.outputIds() : s.outputIds();
      String severity = s == null ? severity(d) : s.severity();
      Routing.Route route = Routing.route(generated, outputIds, severity, d.type, configured);
      Outbox.enqueue(c, d.alertId, route.destinationIds(), now);
      enqueued += route.destinationIds().size();
      for (String unknown : route.unknown()) {
        Outbox.deadOnArrival(c, d.alertId, unknown, "No destination has the id or name '" + unknown + "' (named by "
            + "rule " + d.first.ruleId() + "'s " + route.source() + "). Create it, then requeue this delivery.", now);
      }
    }
    return enqueued;
  }

  /** Rows of {@code sql + "(?, ?, ...)"} for {@code keys}, queried in chunks. */
  private static <T> List<T> existing(Connection c, String sql, Collection<String> keys, RowReader<T> reader)
      throws SQLException {
    List<T> out = new ArrayList<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += IN_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
      String placeholders = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(sql + "(" + placeholders + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(reader.read(rs));
          }
        }
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static Instant min(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
