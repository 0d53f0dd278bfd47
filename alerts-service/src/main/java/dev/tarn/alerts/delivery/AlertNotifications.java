package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Builds the {@link AlertNotification} of a stored alert, as destinations receive it. */
public final class AlertNotifications {
  private final Database db;
  private final String linkPrefix;

  /** @param linkPrefix the URL alerts are shown at; the alert id is appended */
  public AlertNotifications(Database db, String linkPrefix) {
    this.db = requireNonNull(db, "db is null");
    this.linkPrefix = requireNonNull(linkPrefix, "linkPrefix is null");
  }

  public Optional<AlertNotification> load(String alertId, boolean resend) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id, rule_id, type, rule_display_name, title, severity, "
          + "description, runbook, reference, tags, context, created_at, rule_version, event_count, log_types "
          + "FROM alerts WHERE id = ?")) {
        ps.setString(1, alertId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String id = rs.getString(1).trim();
          String ruleId = rs.getString(2);
          String name = rs.getString(4);
          return Optional.of(new AlertNotification(id, ruleId, AlertType.valueOf(rs.getString(3)),
              name == null || name.isBlank() ? ruleId : name, rs.getString(5), rs.getString(6), rs.getString(7),
              rs.getString(8), rs.getString(9), Json.stringList(rs.getString(10)), rs.getString(11),
              rs.getTimestamp(12).toInstant(), rs.getString(13), linkPrefix + id, rs.getLong(14),
              Json.stringList(rs.getString(15)), resend));
        }
      }
    });
  }
}
