package dev.tarn.alerts.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.util.List;

/**
 * The route table: every endpoint of the API and who may call it, in one place. {@link ApiServer} registers exactly
 * these routes, and the auth-matrix and OpenAPI tests iterate the same list, so a route cannot be added without
 * being checked for 401/403 and documented.
 */
final class ApiRoutes {
  static final String V1 = "/api/v1";

  private ApiRoutes() {}

  static List<ApiRoute> table(OperationsApi ops, AlertsApi alerts, DestinationsApi destinations,
      DeliveriesApi deliveries, TokensApi tokens) {
    return List.of(
        new ApiRoute(GET, "/health", Access.PUBLIC, ops::health),
        new ApiRoute(GET, "/metrics", Access.READ_ONLY, ops::metrics),
        new ApiRoute(GET, "/openapi.yaml", Access.READ_ONLY, ops::openApiYaml),
        new ApiRoute(GET, "/openapi.json", Access.READ_ONLY, ops::openApiJson),

        new ApiRoute(GET, V1 + "/alerts", Access.READ_ONLY, alerts::list),
        new ApiRoute(PATCH, V1 + "/alerts", Access.ANALYST, alerts::updateMany),
        new ApiRoute(GET, V1 + "/alerts/{id}", Access.READ_ONLY, alerts::get),
        new ApiRoute(PATCH, V1 + "/alerts/{id}", Access.ANALYST, alerts::update),
        new ApiRoute(POST, V1 + "/alerts/{id}/deliver", Access.ANALYST, alerts::deliver),

        new ApiRoute(GET, V1 + "/destinations", Access.READ_ONLY, destinations::list),
        new ApiRoute(POST, V1 + "/destinations", Access.ADMIN, destinations::create),
        new ApiRoute(GET, V1 + "/destinations/{id}", Access.READ_ONLY, destinations::get),
        new ApiRoute(PUT, V1 + "/destinations/{id}", Access.ADMIN, destinations::replace),
        new ApiRoute(DELETE, V1 + "/destinations/{id}", Access.ADMIN, destinations::delete),
        new ApiRoute(POST, V1 + "/destinations/{id}/test", Access.ANALYST, destinations::test),

        new ApiRoute(GET, V1 + "/deliveries", Access.READ_ONLY, deliveries::list),
        new ApiRoute(POST, V1 + "/deliveries/retry", Access.ANALYST, deliveries::retryAll),
        new ApiRoute(POST, V1 + "/deliveries/{id}/retry", Access.ANALYST, deliveries::retry),

        new ApiRoute(GET, V1 + "/tokens", Access.ADMIN, tokens::list),
        new ApiRoute(POST, V1 + "/tokens", Access.ADMIN, tokens::create),
        new ApiRoute(DELETE, V1 + "/tokens/{id}", Access.ADMIN, tokens::revoke));
  }
}
