package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.auth.ApiToken;
import dev.tarn.alerts.store.TokenStore;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the {@code Authorization: Bearer <token>} header of each request against the route's {@link Access}:
 * 401 (with {@code WWW-Authenticate}) without a valid, unrevoked token, 403 when its role is too low. The token text
 * is only hashed and looked up; it is never logged or echoed.
 */
final class BearerAuth {
  private static final String ATTRIBUTE = "tarn.apiToken";
  private static final String SCHEME = "bearer ";

  private final TokenStore tokens;

  BearerAuth(TokenStore tokens) {
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  /** Lets the request through or throws the 401/403 {@link ApiException}; remembers the caller for handlers. */
  void check(Context ctx, Access access) {
    if (!access.needsToken()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"tarn-alerts\"");
      throw new ApiException(401, "unauthenticated", "Missing bearer token: send the header "
          + "'Authorization: Bearer <token>' (admins create tokens with POST /api/v1/tokens)", List.of());
    }
    String text = header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
        ? header.substring(SCHEME.length()).trim() : null;
    Optional<ApiToken> token = text == null ? Optional.empty() : tokens.authenticate(text);
    if (token.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"tarn-alerts\", error=\"invalid_token\"");
      throw new ApiException(401, "invalid_token", "The bearer token is not valid or has been revoked "
          + "(the header must be 'Authorization: Bearer <token>'; ask an admin for a new token)", List.of());
    }
    if (!token.get().role().includes(access.role())) {
      throw new ApiException(403, "forbidden", "This endpoint needs the " + access.role() + " role; token '"
          + token.get().name() + "' has " + token.get().role() + " (ask an admin for a token with the "
          + access.role().name().toLowerCase(Locale.ROOT) + " role)", List.of());
    }
    ctx.attribute(ATTRIBUTE, token.get());
  }

  /** The token that authenticated this request; only valid on routes that need one. */
  static ApiToken caller(Context ctx) {
    ApiToken token = ctx.attribute(ATTRIBUTE);
    if (token == null) {
      throw new IllegalStateException("No authenticated caller on " + ctx.method() + " " + ctx.path());
    }
    return token;
  }
}
