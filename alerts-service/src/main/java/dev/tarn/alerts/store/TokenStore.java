package dev.tarn.alerts.store;

import static dev.tarn.alerts.store.Database.instant;
import static dev.tarn.alerts.store.Database.timestamp;
import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.auth.ApiToken;
import dev.tarn.alerts.auth.CreatedToken;
import dev.tarn.alerts.auth.Role;
import dev.tarn.alerts.auth.TokenSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens ({@code api_tokens}). Only each token's SHA-256 is stored; the text is returned once, on creation.
 * Revoking keeps the row (who had access, and until when) and makes the token fail authentication.
 */
public final class TokenStore {
  /** Name of the env variable the service main reads the first admin token from. */
  public static final String ADMIN_TOKEN_ENV = "TARN_ALERTS_ADMIN_TOKEN";
  /** Tokens chosen by an operator must be at least this long; generated ones are 48 characters. */
  public static final int MIN_TOKEN_LENGTH = 20;
  private static final int MAX_NAME_LENGTH = 200;
  // last_used_at is informational: writing it on every request would turn every read into a write.
  private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
  private static final String COLUMNS = "id, name, role, created_at, last_used_at, revoked_at";

  /** The outcome of {@link #revoke}. */
  public enum Revocation { REVOKED, NOT_FOUND, LAST_ADMIN }

  private final Database db;
  private final Clock clock;

  public TokenStore(Database db, Clock clock) {
    this.db = requireNonNull(db, "db is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Creates a token named {@code name} with {@code role}; the returned text is not kept anywhere. */
  public CreatedToken create(String name, Role role) {
    requireNonNull(role, "role is null");
    String text = TokenSecret.generate();
    return db.inTransaction(c -> insert(c, checkName(name), role, text));
  }

  /**
   * On a first start (no tokens at all, revoked ones included) creates an ADMIN token named "admin": with the text
   * {@code envToken} when it is set, else a random one, which is returned so the caller can print it once. Returns
   * empty when tokens already exist or when the text came from the environment (the operator already knows it).
   */
  public Optional<String> bootstrap(String envToken) {
    String chosen = envToken == null || envToken.isBlank() ? null : envToken.trim();
    if (chosen != null && chosen.length() < MIN_TOKEN_LENGTH) {
      throw new IllegalArgumentException(ADMIN_TOKEN_ENV + " is too short: " + chosen.length() + " characters (use at "
          + "least " + MIN_TOKEN_LENGTH + "; generate one with `openssl rand -base64 32`, or unset it to get a random one)");
    }
    return db.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM api_tokens");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return Optional.empty();
        }
      }
      String text = chosen != null ? chosen : TokenSecret.generate();
      insert(c, "admin", Role.ADMIN, text);
      return chosen != null ? Optional.empty() : Optional.of(text);
    });
  }

  /** The active token whose text is {@code text}, if any; records that it was used. */
  public Optional<ApiToken> authenticate(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    String hash = TokenSecret.hash(text);
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      Optional<ApiToken> token;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens "
          + "WHERE token_hash = ? AND revoked_at IS NULL")) {
        ps.setString(1, hash);
        token = readOne(ps);
      }
      if (token.isPresent()) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? "
            + "WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
          ps.setTimestamp(1, timestamp(now));
          ps.setString(2, token.get().id());
          ps.setTimestamp(3, timestamp(now.minus(TOUCH_INTERVAL)));
          ps.executeUpdate();
        }
      }
      return token;
    });
  }

  /** Every token, revoked ones included, oldest first. */
  public List<ApiToken> list() {
    return db.inTransaction(c -> {
      List<ApiToken> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at, id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    });
  }

  public Optional<ApiToken> get(String id) {
    return db.inTransaction(c -> byId(c, id));
  }

  /**
   * Revokes the active token {@code id}. Refuses to revoke the last active ADMIN token, which would leave nobody able
   * to manage tokens or destinations.
   */
  public Revocation revoke(String id) {
    Instant now = clock.instant();
    return db.inTransaction(c -> {
      Optional<ApiToken> token = byId(c, id);
      if (token.isEmpty() || !token.get().active()) {
        return Revocation.NOT_FOUND;
      }
      if (token.get().role() == Role.ADMIN) {
        try (PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM api_tokens WHERE role = 'ADMIN' AND revoked_at IS NULL");
            ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getLong(1) <= 1) {
            return Revocation.LAST_ADMIN;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
        ps.setTimestamp(1, timestamp(now));
        ps.setString(2, id);
        return ps.executeUpdate() == 1 ? Revocation.REVOKED : Revocation.NOT_FOUND;
      }
    });
  }

  private CreatedToken insert(Connection c, String name, Role role, String text) throws SQLException {
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), name, role, clock.instant(), null, null);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, name, role, token_hash, created_at) "
        + "VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, token.id());
      ps.setString(2, token.name());
      ps.setString(3, role.name());
      ps.setString(4, TokenSecret.hash(text));
      ps.setTimestamp(5, timestamp(token.createdAt()));
      ps.executeUpdate();
    }
    return new CreatedToken(token, text);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("Token name is empty (give the token a name that says who or what uses it)");
    }
    String n = name.trim();
    if (n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("Token name is " + n.length() + " characters long (at most "
          + MAX_NAME_LENGTH + ")");
    }
    return n;
  }

  private static Optional<ApiToken> byId(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?")) {
      ps.setString(1, id);
      return readOne(ps);
    }
  }

  private static Optional<ApiToken> readOne(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(read(rs)) : Optional.empty();
    }
  }

  private static ApiToken read(ResultSet rs) throws SQLException {
    return new ApiToken(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)));
  }
}
