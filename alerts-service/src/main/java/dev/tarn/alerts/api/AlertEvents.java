package dev.tarn.alerts.api;

import java.util.List;
import java.util.Map;

/**
 * The events behind an alert ("each alert links to its events"): the matched rows, read from the findings tables by
 * the service wiring. The API only passes them through.
 */
public interface AlertEvents {
  /** Up to {@code limit} matched rows of {@code alertId}, JSON-ready (strings, numbers, booleans, lists, maps). */
  List<Map<String, Object>> events(String alertId, int limit);
}
