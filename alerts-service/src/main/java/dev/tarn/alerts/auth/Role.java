package dev.tarn.alerts.auth;

import java.util.Locale;

/** What an API token may do. Each role includes the ones below it: ADMIN > ANALYST > READ_ONLY. */
public enum Role {
  /** Reads alerts, deliveries, destinations (secrets redacted), metrics and the API document. */
  READ_ONLY,
  /** Also changes alert status and assignee, re-sends alerts, retries dead letters and test-sends. */
  ANALYST,
  /** Also manages destinations and API tokens. */
  ADMIN;

  /** True when a token with this role may use an endpoint that requires {@code required}. */
  public boolean includes(Role required) {
    return ordinal() >= required.ordinal();
  }

  /** Parses {@code admin}, {@code analyst}, {@code read_only} or {@code read-only}, in any case. */
  public static Role fromName(String name) {
    if (name != null) {
      String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Role r : values()) {
        if (r.name().equals(n)) {
          return r;
        }
      }
    }
    throw new IllegalArgumentException("Unknown role: " + name + " (expected one of ADMIN, ANALYST, READ_ONLY)");
  }
}
