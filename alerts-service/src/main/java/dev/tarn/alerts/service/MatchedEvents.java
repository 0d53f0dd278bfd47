package dev.tarn.alerts.service;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.api.AlertEvents;
import dev.tarn.alerts.findings.FindingEvents;
import dev.tarn.alerts.findings.FindingsReader;
import dev.tarn.alerts.findings.FindingsTable;
import dev.tarn.alerts.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alert's events: the finding rows recorded for it in {@code alert_matches}, read back whole from their findings
 * tables (only the partitions of those rows' dates), earliest detection first.
 */
final class MatchedEvents implements AlertEvents {
  private record Ref(String table, String matchId, LocalDate date) {}

  private final Database db;
  private final FindingsReader reader;
  private final FindingEvents events;

  MatchedEvents(Database db, FindingsReader reader) {
    this.db = requireNonNull(db, "db is null");
    this.reader = requireNonNull(reader, "reader is null");
    this.events = new FindingEvents(reader);
  }

  @Override
  public List<Map<String, Object>> events(String alertId, int limit) {
    List<Ref> refs = db.inTransaction(c -> {
      List<Ref> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT table_name, match_id, event_date FROM alert_matches "
          + "WHERE alert_id = ? ORDER BY detect_time, match_id")) {
        ps.setString(1, alertId);
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            java.sql.Date d = rs.getDate(3);
            out.add(new Ref(rs.getString(1), rs.getString(2), d == null ? null : d.toLocalDate()));
          }
        }
      }
      return out;
    });
    Map<String, List<Ref>> byTable = new LinkedHashMap<>();
    refs.forEach(r -> byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r));
    Map<String, FindingsTable> tables = new LinkedHashMap<>();
    reader.tables().forEach(t -> tables.put(t.qualifiedName(), t));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map.Entry<String, List<Ref>> e : byTable.entrySet()) {
      FindingsTable table = tables.get(e.getKey());
      if (table == null) {
        continue; // the table was dropped; its rows are gone with it
      }
      Set<String> ids = new LinkedHashSet<>();
      Set<LocalDate> dates = new LinkedHashSet<>();
      for (Ref r : e.getValue()) {
        ids.add(r.matchId());
        if (r.date() != null) {
          dates.add(r.date());
        }
      }
      out.addAll(events.read(table, ids, dates, limit - out.size()));
      if (out.size() >= limit) {
        break;
      }
    }
    return out;
  }
}
