package dev.tarn.alerts.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/** Query-string parameters, checked, with errors naming the parameter and what it accepts. */
final class QueryParams {
  private QueryParams() {}

  /** An integer parameter in [min, max], or {@code fallback} when absent. */
  static int intParam(Context ctx, String name, int fallback, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw ApiException.badRequest("Invalid query parameter " + name + "=" + v + " (must be an integer from " + min
        + " to " + max + ")");
  }

  /** An ISO-8601 instant ({@code 2024-05-01T12:00:00Z} or with an offset), or null when absent. */
  static Instant instantParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("Invalid query parameter " + name + "=" + v
          + " (must be an ISO-8601 time with a zone, e.g. 2024-05-01T12:00:00Z)");
    }
  }

  /** A comma-separated list of values read by {@code parse} (which throws IllegalArgumentException with a reason). */
  static <T> Set<T> listParam(Context ctx, String name, Function<String, T> parse) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return Set.of();
    }
    Set<T> out = new LinkedHashSet<>();
    for (String item : Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
      try {
        out.add(parse.apply(item));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("Invalid query parameter " + name + "=" + v + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** A trimmed string parameter, or null when absent or blank. */
  static String textParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
