package dev.tarn.alerts.auth;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An API token as stored: never its text, which only its holder knows (the database keeps its SHA-256).
 *
 * @param lastUsedAt when it last authenticated a request (updated at most once a minute), or null
 * @param revokedAt when it was revoked, or null while it is active
 */
public record ApiToken(String id, String name, Role role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
  public ApiToken {
    requireNonNull(id, "id is null");
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public boolean active() {
    return revokedAt == null;
  }
}
