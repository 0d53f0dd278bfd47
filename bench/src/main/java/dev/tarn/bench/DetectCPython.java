package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The baseline: {@code bench/python/run_rules.py} in one CPython process (one core) over the exported JSON lines, with
 * Tarn's pure-Python Panther API on its path. The script times itself (reading, parsing and rules; not the imports) and
 * reports as one JSON object on stdout; its progress goes to this process's stderr.
 */
final class DetectCPython {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String python;
  private final Path script;
  private final Path pythonPath;

  /**
   * @param python the interpreter to run ({@code python3})
   * @param script {@code bench/python/run_rules.py}
   * @param pythonPath Tarn's Python modules ({@code detection/src/main/resources/python})
   */
  DetectCPython(String python, Path script, Path pythonPath) {
    this.python = requireNonNull(python, "python is null");
    this.script = requireNonNull(script, "script is null");
    this.pythonPath = requireNonNull(pythonPath, "pythonPath is null");
  }

  /** What one run reported, beyond the common result. */
  record Report(DetectResult result, String version, double importSeconds, long ruleCalls,
      Map<String, String> loadProblems) {}

  Report run(String name, Path manifest, Path events) throws IOException, InterruptedException {
    List<String> command = List.of(python, script.toString(), "--python-path", pythonPath.toString(), "--pack",
        manifest.toString(), "--events", events.toString());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    int status = process.waitFor();
    String text = new String(out, StandardCharsets.UTF_8).strip();
    if (status != 0 || text.isEmpty()) {
      throw new IllegalStateException(String.format(Locale.ROOT, "%s exited with status %d%s; command: %s",
          script.getFileName(), status, text.isEmpty() ? "" : " and printed: " + text, String.join(" ", command)));
    }
    JsonNode report = JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
    Map<String, Long> matches = counts(report.get("matches"), false);
    Map<String, Long> errors = counts(report.get("errors"), true);
    Map<String, String> problems = new LinkedHashMap<>();
    report.get("loadProblems").fields().forEachRemaining(e -> problems.put(e.getKey(), e.getValue().asText()));
    DetectResult result = new DetectResult(name, report.get("events").asLong(),
        (long) (report.get("seconds").asDouble() * 1e9), 1, report.get("loaded").asInt(), matches, errors,
        List.of());
    return new Report(result, report.get("python").asText(), report.get("importSeconds").asDouble(),
        report.get("ruleCalls").asLong(), problems);
  }

  private static Map<String, Long> counts(JsonNode node, boolean nonZeroOnly) {
    Map<String, Long> out = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      long n = node.get(name).asLong();
      if (!nonZeroOnly || n > 0) {
        out.put(name, n);
      }
    }
    return out;
  }
}
