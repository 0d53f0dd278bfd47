package dev.tarn.bench;

import dev.tarn.config.DetectionConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.pack.LoadProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Jython "where the rules allow": Jython 2.7 cannot compile Python 3 syntax (f-strings above all), so first the pack is
 * loaded under {@code runtime: jython} to see which rules load at all. Only those can be timed, and only against
 * CPython over the same rules.
 */
final class DetectJython {
  private DetectJython() {}

  /** The config with Jython as the default runtime. */
  static TarnConfig config(TarnConfig base) {
    DetectionConfig d = base.detection();
    return base.withDetection(new DetectionConfig(d.dirs(), "jython", d.trigger(), d.prefilters(), d.pythonPath(),
        d.callTimeout(), d.callMemoryBytes(), d.kv(), d.kvTable(), d.kvRegion(), d.kvEndpoint()));
  }

  /** Loads the pack under Jython, prints how many of {@code rules} loaded and why the others did not; the loaded ids. */
  static Set<String> loadable(DetectTarn tarn, TarnConfig base, List<String> rules) {
    DetectTarn.LoadedJob loaded = tarn.load(config(base));
    Map<String, Integer> reasons = new LinkedHashMap<>();
    Map<String, String> examples = new LinkedHashMap<>();
    for (LoadProblem p : loaded.pack().problems()) {
      String reason = reason(p.message());
      reasons.merge(reason, 1, Integer::sum);
      examples.putIfAbsent(reason, p.id() + ": " + firstLine(p.message()));
    }
    System.out.printf(Locale.ROOT, "jython: %d of %d rules load under Jython 2.7 (runtime: jython)%n",
        loaded.rules().size(), rules.size());
    reasons.forEach((reason, n) -> System.out.printf(Locale.ROOT, "  %3d load problems: %s (e.g. %s)%n", n, reason,
        examples.get(reason)));
    return loaded.rules();
  }

  private static String reason(String message) {
    if (message == null) {
      return "unknown";
    }
    if (message.contains("Python 3 syntax")) {
      return "Python 3 syntax";
    }
    if (message.startsWith("No module named") || message.contains("ImportError")) {
      return "an import failed (often a global helper that did not load)";
    }
    return firstLine(message).replaceAll("line \\d+", "line N");
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
