package dev.tarn.alerts.dedup;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which destinations an alert goes to, in Panther's order: the detection's {@code destinations()} output (an empty
 * list or {@code SKIP} means none), else its {@code OutputIds}, else every destination whose default severities hold
 * the alert's severity and that accepts the alert's type. Rules name destinations by id or by name.
 */
public final class Routing {
  /** The destinations found, and the names a rule gave that match none (to be dead-lettered with the reason). */
  public record Route(List<String> destinationIds, List<String> unknown, String source) {}

  private Routing() {}

  public static Route route(List<String> generated, List<String> outputIds, String severity, AlertType type,
      List<DestinationConfig> destinations) {
    if (generated != null) {
      if (generated.isEmpty() || generated.stream().anyMatch(d -> d.equalsIgnoreCase("SKIP"))) {
        return new Route(List.of(), List.of(), "destinations() returned SKIP or nothing");
      }
      return resolve(generated, destinations, "destinations()");
    }
    if (!outputIds.isEmpty()) {
      return resolve(outputIds, destinations, "OutputIds");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (DestinationConfig d : destinations) {
      boolean severityMatches = d.defaultSeverities().stream()
          .anyMatch(s -> s.toUpperCase(Locale.ROOT).equals(severity.toUpperCase(Locale.ROOT)));
      boolean typeMatches = d.alertTypes().isEmpty() || d.alertTypes().contains(type);
      if (severityMatches && typeMatches) {
        ids.add(d.id());
      }
    }
    return new Route(List.copyOf(ids), List.of(), "default for severity " + severity);
  }

  private static Route resolve(List<String> refs, List<DestinationConfig> destinations, String source) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String ref : refs) {
      DestinationConfig found = null;
      for (DestinationConfig d : destinations) {
        if (d.id().equals(ref) || d.name().equals(ref)) {
          found = d;
          break;
        }
      }
      if (found != null) {
        ids.add(found.id());
      } else if (!unknown.contains(ref)) {
        unknown.add(ref);
      }
    }
    return new Route(List.copyOf(ids), List.copyOf(unknown), source);
  }
}
