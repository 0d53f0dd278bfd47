package dev.tarn.indicator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs one scanner over one value and shows what it added, per kind. */
final class ScannerAssert {
  private ScannerAssert() {}

  static Map<IndicatorKind, List<String>> scan(Scanner scanner, String value) {
    Indicators indicators = new Indicators();
    scanner.scan(value, indicators);
    Map<IndicatorKind, List<String>> found = new EnumMap<>(IndicatorKind.class);
    for (IndicatorKind kind : IndicatorKind.values()) {
      if (!indicators.values(kind).isEmpty()) {
        found.put(kind, indicators.values(kind));
      }
    }
    return found;
  }
}
