package dev.tarn.alerts.api;

import static dev.tarn.alerts.api.ApiTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.alerts.auth.TokenSecret;
import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TokensApiTest {
  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void createdTokenIsShownOnceStoredHashedAndWorksWithItsRole(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> r = s.call("POST", "/api/v1/tokens", s.admin, "{\"name\":\"soc-bot\",\"role\":\"analyst\"}");

      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      JsonNode created = json(r);
      String text = created.get("token").asText();
      assertThat(text).matches("tarn_[A-Za-z0-9_-]{43}");
      assertThat(created.get("role").asText()).isEqualTo("ANALYST");
      String listed = s.get("/api/v1/tokens", s.admin).body();
      assertThat(listed).contains("soc-bot").doesNotContain(text);
      assertThat(s.queryText("SELECT token_hash FROM api_tokens WHERE id = ?", created.get("id").asText()))
          .isEqualTo(TokenSecret.hash(text));
      assertThat(s.get("/api/v1/alerts", text).statusCode()).isEqualTo(200);
      assertThat(s.get("/api/v1/tokens", text).statusCode()).isEqualTo(403);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void revokedTokenIsRefusedAndStaysListedAsRevoked(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      JsonNode created = json(s.call("POST", "/api/v1/tokens", s.admin, "{\"name\":\"temp\",\"role\":\"READ_ONLY\"}"));
      String id = created.get("id").asText();

      assertThat(s.call("DELETE", "/api/v1/tokens/" + id, s.admin, null).statusCode()).isEqualTo(204);

      HttpResponse<String> refused = s.get("/api/v1/alerts", created.get("token").asText());
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).contains("invalid_token"));
      JsonNode tokens = json(s.get("/api/v1/tokens", s.admin)).get("tokens");
      JsonNode revoked = null;
      for (JsonNode t : tokens) {
        if (t.get("id").asText().equals(id)) {
          revoked = t;
        }
      }
      assertThat(revoked).isNotNull();
      assertThat(revoked.get("revokedAt").asText()).isEqualTo(ApiTestServer.NOW.toString());
      assertThat(s.call("DELETE", "/api/v1/tokens/" + id, s.admin, null).statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void refusesToRevokeTheLastActiveAdminToken(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      String adminId = s.tokens.list().stream().filter(t -> t.name().equals("root")).findFirst().orElseThrow().id();

      HttpResponse<String> r = s.call("DELETE", "/api/v1/tokens/" + adminId, s.admin, null);

      assertThat(r.statusCode()).isEqualTo(409);
      assertThat(json(r).at("/error/message").asText()).contains("last active ADMIN");
      assertThat(s.get("/api/v1/tokens", s.admin).statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void rejectsATokenWithoutANameOrWithAnUnknownRole(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      HttpResponse<String> noName = s.call("POST", "/api/v1/tokens", s.admin, "{\"role\":\"ADMIN\"}");
      HttpResponse<String> badRole = s.call("POST", "/api/v1/tokens", s.admin, "{\"name\":\"x\",\"role\":\"root\"}");

      assertThat(noName.statusCode()).isEqualTo(400);
      assertThat(json(noName).at("/error/message").asText()).contains("name");
      assertThat(badRole.statusCode()).isEqualTo(400);
      assertThat(json(badRole).at("/error/message").asText()).contains("role").contains("READ_ONLY");
    }
  }

  @ParameterizedTest
  @EnumSource(Database.Dialect.class)
  void acceptsTheBearerSchemeInAnyCaseButNoOtherScheme(Database.Dialect dialect) {
    try (ApiTestServer s = new ApiTestServer(dialect, temp)) {
      java.util.function.Function<String, Integer> status =
          header -> s.callWithAuthorization("GET", "/api/v1/alerts", header, null).statusCode();
      assertThat(status.apply("bearer " + s.readOnly)).isEqualTo(200);
      assertThat(status.apply("Basic " + s.readOnly)).isEqualTo(401);
      assertThat(status.apply(s.readOnly)).isEqualTo(401);
    }
  }
}
