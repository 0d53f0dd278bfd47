package dev.tarn.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.auth.Role;
import dev.tarn.alerts.store.Database;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of {@link ApiServer#routes()} (the table the server registers) × every kind of caller, on both
 * databases: no token and a bad token get 401, a role below the route's gets 403, and everyone else gets past auth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthMatrixTest {
  /** Who calls. */
  enum Caller {
    NO_TOKEN(null), BAD_TOKEN(null), READ_ONLY(Role.READ_ONLY), ANALYST(Role.ANALYST), ADMIN(Role.ADMIN);

    final Role role;

    Caller(Role role) {
      this.role = role;
    }
  }

  private final Map<Database.Dialect, ApiTestServer> servers = new EnumMap<>(Database.Dialect.class);

  @BeforeAll
  void startServers(@TempDir Path temp) {
    for (Database.Dialect d : Database.Dialect.values()) {
      servers.put(d, new ApiTestServer(d, temp));
    }
  }

  @AfterAll
  void stopServers() {
    servers.values().forEach(ApiTestServer::close);
  }

  Stream<Arguments> cases() {
    return servers.entrySet().stream().flatMap(server -> server.getValue().server.routes().stream()
        .flatMap(route -> Stream.of(Caller.values()).map(caller -> Arguments.of(server.getKey(), route, caller))));
  }

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @MethodSource("cases")
  void eachRouteAnswersEachCallerAsItsAccessRequires(Database.Dialect dialect, ApiRoute route, Caller caller) {
    ApiTestServer s = servers.get(dialect);
    String token = switch (caller) {
      case NO_TOKEN -> null;
      case BAD_TOKEN -> "tarn_not-a-real-token";
      case READ_ONLY -> s.readOnly;
      case ANALYST -> s.analyst;
      case ADMIN -> s.admin;
    };
    // Placeholder ids and an empty object body: enough to get past auth into each handler's own checks.
    String path = route.path().replace("{id}", "1");
    String body = route.method().name().equals("GET") || route.method().name().equals("DELETE") ? null : "{}";
    HttpResponse<String> response = s.call(route.method().name(), path, token, body);

    if (!route.access().needsToken()) {
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 499).isNotIn(401, 403);
    } else if (caller.role == null) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).startsWith("Bearer"));
      assertThat(ApiTestServer.json(response).at("/error/code").asText())
          .isEqualTo(caller == Caller.NO_TOKEN ? "unauthenticated" : "invalid_token");
    } else if (!caller.role.includes(route.access().role())) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(ApiTestServer.json(response).at("/error/message").asText()).contains(route.access().role().name());
    } else {
      assertThat(response.statusCode()).as(response.body()).isBetween(200, 499).isNotIn(401, 403);
    }
  }
}
