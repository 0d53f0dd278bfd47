package dev.tarn.alerts.api;

import dev.tarn.alerts.auth.ApiToken;
import dev.tarn.alerts.auth.Role;
import java.time.Instant;

/** An API token as listed: never its text. */
record TokenView(String id, String name, Role role, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
  static TokenView of(ApiToken t) {
    return new TokenView(t.id(), t.name(), t.role(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
  }
}
