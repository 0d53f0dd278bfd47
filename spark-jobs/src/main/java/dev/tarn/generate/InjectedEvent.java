package dev.tarn.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** An event a scenario adds to the benign background of one log type. */
public record InjectedEvent(String scenario, LogType type, LogEvent event) {
  public InjectedEvent {
    requireNonNull(scenario, "scenario is null");
    requireNonNull(type, "type is null");
    requireNonNull(event, "event is null");
  }

  /** An event whose payload is a JSON object. */
  static InjectedEvent json(String scenario, LogType type, Instant time, JsonNode payload) {
    return new InjectedEvent(scenario, type, new LogEvent(time, Json.bytes(payload)));
  }
}
