package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.DataModel;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.GlobalModule;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.PackLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules both paths run: a copy of a detections directory holding only its enabled Python rules for one log type,
 * with every global helper and data model (what those rules import and their events are modelled with). The copy is a
 * plain Panther-format directory, so it serves as the detect job's {@code detections.dirs} and, through
 * {@link #writeManifest}, as the CPython baseline's input.
 *
 * @param directory the copy
 * @param pack the copy as loaded by Tarn's PackLoader
 * @param ruleIds the copied rules' ids, in pack order
 */
record DetectPack(Path directory, DetectionPack pack, List<String> ruleIds) {
  private static final ObjectMapper JSON = new ObjectMapper();

  DetectPack {
    requireNonNull(directory, "directory is null");
    requireNonNull(pack, "pack is null");
    ruleIds = List.copyOf(ruleIds);
  }

  /** Copies {@code source}'s enabled Python rules for {@code logType}, its globals and data models, to {@code target}. */
  static DetectPack copy(Path source, String logType, Path target) throws IOException {
    DetectionPack full = PackLoader.load(source);
    if (full.detections().isEmpty()) {
      throw new IllegalArgumentException("No detections under " + source.toAbsolutePath()
          + ": pass the repository's detections/ directory with --detections");
    }
    Directories.delete(target);
    for (Detection d : full.detections()) {
      if (isPythonRule(d, logType)) {
        copyFile(source, d.file(), target);
        copyFile(source, d.pythonFile(), target);
      }
    }
    for (GlobalModule g : full.globals()) {
      copyFile(source, g.file(), target);
      copyFile(source, g.pythonFile(), target);
    }
    for (DataModel m : full.dataModels()) {
      copyFile(source, m.file(), target);
      copyFile(source, m.pythonFile(), target);
    }
    DetectionPack copied = PackLoader.load(target);
    List<String> ids = copied.detections().stream().filter(d -> isPythonRule(d, logType)).map(Detection::id)
        .toList();
    for (LoadProblem p : copied.problems()) {
      if (p.level() == LoadProblem.Level.ERROR) {
        System.out.println("  WARNING: pack copy: " + p);
      }
    }
    return new DetectPack(target, copied, ids);
  }

  static boolean isPythonRule(Detection d, String logType) {
    return d.type() == AnalysisType.RULE && d.enabled() && !d.isSimple() && d.logTypes().contains(logType);
  }

  /**
   * Writes what {@code bench/python/run_rules.py} loads: the globals and enabled data models with their files, and
   * the rules among {@code ruleIds} (pack order).
   */
  Path writeManifest(Path file, Collection<String> rules) throws IOException {
    Set<String> wanted = Set.copyOf(rules);
    List<Map<String, Object>> globals = new ArrayList<>();
    for (GlobalModule g : pack.globals()) {
      globals.add(entry("id", g.id(), "file", absolute(g.pythonFile())));
    }
    List<Map<String, Object>> models = new ArrayList<>();
    for (DataModel m : pack.dataModels()) {
      if (!m.enabled()) {
        continue;
      }
      List<Map<String, Object>> mappings = new ArrayList<>();
      for (DataModel.Mapping mapping : m.mappings()) {
        mappings.add(entry("name", mapping.name(), "path", mapping.path(), "method", mapping.method()));
      }
      Map<String, Object> model = entry("id", m.id(), "file", absolute(m.pythonFile()));
      model.put("logTypes", m.logTypes());
      model.put("mappings", mappings);
      models.add(model);
    }
    List<Map<String, Object>> selected = new ArrayList<>();
    for (String id : ruleIds) {
      if (wanted.contains(id)) {
        selected.add(entry("id", id, "file", absolute(pack.detection(id).pythonFile())));
      }
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("globals", globals);
    manifest.put("dataModels", models);
    manifest.put("rules", selected);
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), manifest);
    return file;
  }

  private static Map<String, Object> entry(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  private static String absolute(Path file) {
    return file == null ? null : file.toAbsolutePath().normalize().toString();
  }

  private static void copyFile(Path sourceRoot, Path file, Path targetRoot) throws IOException {
    if (file == null) {
      return;
    }
    Path relative = sourceRoot.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    Path target = targetRoot.resolve(relative);
    Files.createDirectories(target.getParent());
    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
