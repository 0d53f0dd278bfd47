package dev.tarn.alerts.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small real {@link AlertEvents} for tests: events by alert id, held in memory. */
final class MapAlertEvents implements AlertEvents {
  private final Map<String, List<Map<String, Object>>> byAlert = new ConcurrentHashMap<>();

  void put(String alertId, List<Map<String, Object>> events) {
    byAlert.put(alertId, List.copyOf(events));
  }

  @Override
  public List<Map<String, Object>> events(String alertId, int limit) {
    List<Map<String, Object>> all = byAlert.getOrDefault(alertId, List.of());
    return all.subList(0, Math.min(limit, all.size()));
  }
}
