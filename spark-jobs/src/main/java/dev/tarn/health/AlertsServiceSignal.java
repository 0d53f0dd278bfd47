package dev.tarn.health;

import static java.util.Objects.requireNonNull;

/**
 * The alerts service as {@code tarn health} sees it.
 *
 * @param state {@link State#UP}, {@link State#DEGRADED} (it answered 503), {@link State#DOWN} (no answer) or
 *     {@link State#NOT_CONFIGURED} ({@code health.alerts.url} unset)
 * @param detail one line for people (never the token)
 * @param deadLetters dead-lettered deliveries; null when unknown (service down, or no token configured)
 */
public record AlertsServiceSignal(State state, String detail, Long deadLetters) {
  public enum State { UP, DEGRADED, DOWN, NOT_CONFIGURED }

  public AlertsServiceSignal {
    requireNonNull(state, "state is null");
    requireNonNull(detail, "detail is null");
  }

  public static AlertsServiceSignal notConfigured() {
    return new AlertsServiceSignal(State.NOT_CONFIGURED, "health.alerts.url is not set", null);
  }
}
