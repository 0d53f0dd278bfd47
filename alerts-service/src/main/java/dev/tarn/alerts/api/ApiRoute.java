package dev.tarn.alerts.api;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One endpoint of the API: method, path (Javalin/OpenAPI syntax, {@code {id}} for parameters), who may call it, and
 * the handler. The server registers exactly these, and the auth matrix and OpenAPI tests read the same list.
 */
public record ApiRoute(HandlerType method, String path, Access access, Handler handler) {
  public ApiRoute {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(access, "access is null");
    requireNonNull(handler, "handler is null");
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + access + ")";
  }
}
