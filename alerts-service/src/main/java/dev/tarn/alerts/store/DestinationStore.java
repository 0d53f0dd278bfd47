package dev.tarn.alerts.store;

import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.secrets.SecretBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configured destinations. Secret settings are sealed with the {@link SecretBox} before they reach the database and
 * opened only when a destination is built to send; callers that show destinations must redact them.
 */
public final class DestinationStore {
  private static final String COLUMNS = "id, name, type, settings, secrets, default_severities, alert_types, "
      + "allow_private_network, updated_at";

  private final Database db;
  private final SecretBox box;
  private final Clock clock;

  public DestinationStore(Database db, SecretBox box, Clock clock) {
    this.db = requireNonNull(db, "db is null");
    this.box = requireNonNull(box, "box is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** A destination as stored, with the time it last changed (so senders can rebuild clients on change). */
  public record Stored(DestinationConfig config, Instant updatedAt) {}

  /** Inserts {@code config}; fails with a clear message when its name is taken. */
  public void create(DestinationConfig config) {
    Instant now = clock.instant();
    db.inTransaction(c -> {
      if (byName(c, config.name()).isPresent()) {
        throw new IllegalArgumentException("A destination named '" + config.name() + "' already exists");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO destinations (" + COLUMNS + ", created_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(ps, config, now);
        ps.setTimestamp(10, timestamp(now));
        ps.executeUpdate();
      } catch (SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
          // two creates with one name at once: the unique constraint decides, with the same message as the check
          throw new IllegalArgumentException("A destination named '" + config.name() + "' already exists", e);
        }
        throw e;
      }
      return null;
    });
  }

  /** Replaces the destination with {@code config.id()}; returns false when there is none. */
  public boolean update(DestinationConfig config) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      Optional<Stored> other = byName(c, config.name());
      if (other.isPresent() && !other.get().config().id().equals(config.id())) {
        throw new IllegalArgumentException("A destination named '" + config.name() + "' already exists");
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE destinations SET id = ?, name = ?, type = ?, settings = ?, "
          + "secrets = ?, default_severities = ?, alert_types = ?, allow_private_network = ?, updated_at = ? WHERE id = ?")) {
        bind(ps, config, now);
        ps.setString(10, config.id());
        return ps.executeUpdate() == 1;
      }
    });
  }

  public boolean delete(String id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM destinations WHERE id = ?")) {
        ps.setString(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public List<Stored> list() {
    return db.inTransaction(DestinationStore.this::list);
  }

  /** Every destination, inside the caller's transaction. */
  public List<Stored> list(Connection c) throws SQLException {
    List<Stored> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM destinations ORDER BY name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  public Optional<Stored> get(String id) {
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM destinations WHERE id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  /** The destination named {@code name}, if any. */
  public Optional<Stored> byName(String name) {
    return db.inTransaction(c -> byName(c, name));
  }

  private Optional<Stored> byName(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM destinations WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private void bind(PreparedStatement ps, DestinationConfig config, Instant now) throws SQLException {
    ps.setString(1, config.id());
    ps.setString(2, config.name());
    ps.setString(3, config.type().apiName());
    ps.setString(4, Json.write(config.settings()));
    ps.setString(5, box.seal(Json.write(config.secrets())));
    ps.setString(6, Json.write(config.defaultSeverities()));
    ps.setString(7, Json.write(config.alertTypes().stream().map(Enum::name).toList()));
    ps.setBoolean(8, config.allowPrivateNetwork());
    ps.setTimestamp(9, timestamp(now));
  }

  private Stored read(ResultSet rs) throws SQLException {
    DestinationConfig config = new DestinationConfig(rs.getString(1), rs.getString(2),
        DestinationType.fromApiName(rs.getString(3)), Json.stringMap(rs.getString(4)),
        Json.stringMap(box.open(rs.getString(5))), Json.stringList(rs.getString(6)),
        Json.stringList(rs.getString(7)).stream().map(AlertType::valueOf).toList(), rs.getBoolean(8));
    return new Stored(config, Database.instant(rs.getTimestamp(9)));
  }
}
