package dev.tarn.detect.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Tarn's per-directory pack settings: a {@code .tarn-pack.yml} file applies to every spec in its directory and below
 * (the nearest one wins, looking no higher than the directory given to the loader). It is a separate hidden file, not
 * a key in Panther's {@code pack} YAML, so packs stay valid for panther_analysis_tool, which rejects unknown keys and
 * skips hidden files.
 *
 * <pre>
 * PythonRuntime: jython   # or graalpy; absent = the runtime configured for the run
 * </pre>
 */
final class PackSettings {
  static final String FILE_NAME = ".tarn-pack.yml";
  static final Set<String> RUNTIMES = Set.of("graalpy", "jython");
  private static final Set<String> KEYS = Set.of("PythonRuntime");

  /** What one directory's settings file says; {@code runtime} null = not set there. */
  private record Entry(boolean present, String runtime) {}

  private final Map<Path, Entry> cache = new HashMap<>();
  private final ProblemSink problems;

  interface ProblemSink {
    void add(LoadProblem problem);
  }

  PackSettings(ProblemSink problems) {
    this.problems = problems;
  }

  /** The Python runtime for a spec file under {@code root}, or null when no settings file sets one. */
  String runtimeFor(Path specFile, Path root) {
    Path top = root.toAbsolutePath().normalize();
    for (Path dir = specFile.toAbsolutePath().normalize().getParent(); dir != null && dir.startsWith(top);
        dir = dir.getParent()) {
      Entry entry = cache.computeIfAbsent(dir, this::read);
      if (entry.present()) {
        return entry.runtime();
      }
    }
    return null;
  }

  private Entry read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return new Entry(false, null);
    }
    try {
      Node root = YamlValues.parse(SpecFile.utf8(Files.readAllBytes(file)), file.toString());
      if (root == null) {
        return new Entry(true, null);
      }
      SpecMap m = SpecMap.of(root, "", "Tarn pack settings (PythonRuntime)");
      m.allowOnly(KEYS, "Tarn pack settings");
      String runtime = m.optString("PythonRuntime");
      if (runtime != null && !RUNTIMES.contains(runtime)) {
        throw m.error("PythonRuntime", "unknown PythonRuntime '" + runtime + "'; use graalpy or jython");
      }
      return new Entry(true, runtime);
    } catch (SpecException e) {
      problems.add(new LoadProblem(file, e.line(), null, e.getMessage() + " (the directory's detections use the"
          + " default runtime until this is fixed)", LoadProblem.Level.ERROR));
    } catch (IOException e) {
      problems.add(new LoadProblem(file, 0, null, "cannot read: " + e.getMessage(), LoadProblem.Level.ERROR));
    }
    return new Entry(true, null);
  }
}
