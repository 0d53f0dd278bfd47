package dev.tarn.alerts.api;

import dev.tarn.alerts.auth.Role;

/** Who may call a route: anyone, or a bearer token with at least a given role. */
public enum Access {
  PUBLIC(null),
  READ_ONLY(Role.READ_ONLY),
  ANALYST(Role.ANALYST),
  ADMIN(Role.ADMIN);

  private final Role role;

  Access(Role role) {
    this.role = role;
  }

  /** The least role a token needs, or null for a public route. */
  public Role role() {
    return role;
  }

  public boolean needsToken() {
    return role != null;
  }
}
