package dev.tarn.health;

import java.util.Map;

/**
 * Lines in {@code tarn_system.quarantine}.
 *
 * @param total every quarantined line in the table
 * @param growthBySource lines quarantined within the health window, per source id (sources with none left out)
 */
public record QuarantineSignal(long total, Map<String, Long> growthBySource) {
  public QuarantineSignal {
    growthBySource = Map.copyOf(growthBySource);
  }

  public long growth() {
    return growthBySource.values().stream().mapToLong(Long::longValue).sum();
  }
}
