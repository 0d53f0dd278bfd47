package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.alerts.auth.CreatedToken;
import dev.tarn.alerts.auth.Role;
import dev.tarn.alerts.store.TokenStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** API token endpoints (admin only). A token's text is in the creation response and nowhere else. */
final class TokensApi {
  private final TokenStore tokens;
  private final ObjectMapper mapper;

  TokensApi(TokenStore tokens, ObjectMapper mapper) {
    this.tokens = requireNonNull(tokens, "tokens is null");
    this.mapper = requireNonNull(mapper, "mapper is null");
  }

  void list(Context ctx) {
    ctx.json(Map.of("tokens", tokens.list().stream().map(TokenView::of).toList()));
  }

  void create(Context ctx) {
    JsonBody body = JsonBody.of(ctx, mapper);
    String name = body.requiredText("name");
    Role role;
    try {
      role = Role.fromName(body.requiredText("role"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Field 'role': " + e.getMessage());
    }
    CreatedToken created;
    try {
      created = tokens.create(name, role);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Field 'name': " + e.getMessage());
    }
    TokenView view = TokenView.of(created.token());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", view.id());
    out.put("name", view.name());
    out.put("role", view.role());
    out.put("createdAt", view.createdAt());
    out.put("token", created.text());
    ctx.status(201).json(out);
  }

  void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    switch (tokens.revoke(id)) {
      case REVOKED -> ctx.status(204);
      case NOT_FOUND -> throw ApiException.notFound("No active token with id " + id
          + " (see GET /api/v1/tokens; revoked tokens stay listed with revokedAt set)");
      case LAST_ADMIN -> throw ApiException.conflict("Token " + id + " is the last active ADMIN token; revoking it "
          + "would lock everyone out of token and destination management (create another admin token first)");
    }
  }
}
