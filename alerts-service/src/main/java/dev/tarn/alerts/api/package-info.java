/**
 * The alerts service's REST API.
 *
 * <p>Entry point: {@link dev.tarn.alerts.api.ApiServer} ({@code ApiServer.builder()...build().start(host, port)}).
 * Every endpoint is one row of the route table ({@code ApiRoutes}): method, path, the least role it needs
 * ({@link dev.tarn.alerts.api.Access}) and its handler; the server registers exactly those rows behind the bearer-token
 * check, and the tests check each row against every kind of caller and against {@code openapi.yaml}
 * ({@code x-required-role}). Handlers are grouped by domain: {@code AlertsApi}, {@code DestinationsApi},
 * {@code DeliveriesApi}, {@code TokensApi}, {@code OperationsApi} (health, metrics, the OpenAPI document).
 *
 * <p>The service wiring supplies three seams: {@link dev.tarn.alerts.api.AlertEvents} (an alert's matched rows),
 * {@link dev.tarn.alerts.api.DestinationRules} (which settings are secret, validation) and
 * {@link dev.tarn.alerts.api.DestinationTester} (test sends).
 */
package dev.tarn.alerts.api;
