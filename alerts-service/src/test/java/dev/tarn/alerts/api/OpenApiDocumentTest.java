package dev.tarn.alerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** openapi.yaml and the route table describe the same API. */
class OpenApiDocumentTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  @TempDir Path temp;
  private ApiTestServer s;

  @BeforeEach
  void start() {
    s = new ApiTestServer(Database.Dialect.H2, temp);
  }

  @AfterEach
  void stop() {
    s.close();
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() {
    Set<String> routes = new TreeSet<>();
    s.server.routes().forEach(r -> routes.add(r.method().name() + " " + r.path()));
    assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(routes);
  }

  @Test
  void onlyPublicRoutesAreDocumentedWithoutSecurity() {
    Map<String, Map<String, Object>> operations = documentedOperations();
    for (ApiRoute route : s.server.routes()) {
      Map<String, Object> operation = operations.get(route.method().name() + " " + route.path());
      boolean documentedPublic = List.of().equals(operation.get("security"));
      assertThat(documentedPublic).as(route.toString()).isEqualTo(!route.access().needsToken());
    }
  }

  @Test
  void everyRouteRequiresTheRoleItsDocumentationNames() {
    Map<String, Map<String, Object>> operations = documentedOperations();
    for (ApiRoute route : s.server.routes()) {
      Object documented = operations.get(route.method().name() + " " + route.path()).get("x-required-role");
      assertThat(documented).as(route.toString())
          .isEqualTo(route.access().needsToken() ? route.access().role().name() : null);
    }
  }

  @Test
  void servesTheDocumentAsYamlAndAsJson() {
    var yaml = s.get("/openapi.yaml", s.readOnly);
    var json = s.get("/openapi.json", s.readOnly);
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.body()).isEqualTo(OperationsApi.openApiYaml());
    assertThat(ApiTestServer.json(json).at("/paths/~1api~1v1~1alerts/get/summary").asText())
        .isEqualTo("List alerts, newest first");
  }

  /** "METHOD /path" → operation object, from the document on the classpath. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> documentedOperations() {
    Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(OperationsApi.openApiYaml());
    Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
    ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, item) -> item.forEach((key, operation) -> {
      if (METHODS.contains(key)) {
        out.put(key.toUpperCase(java.util.Locale.ROOT) + " " + path, (Map<String, Object>) operation);
      }
    }));
    return out;
  }
}
