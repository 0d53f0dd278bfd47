package dev.tarn.detect.pack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Loads Panther-format detection directories (panther-analysis layout, or any tree of spec YAML files) into a
 * {@link DetectionPack}, validating every file as panther_analysis_tool does. One bad file never stops the others: it
 * becomes a {@link LoadProblem} and is left out. Python syntax is not checked here; the runtimes do that.
 */
public final class PackLoader {
  private final List<LoadProblem> problems = new ArrayList<>();
  private final PackSettings settings = new PackSettings(problems::add);
  private final List<Loaded> loaded = new ArrayList<>();

  /** One spec that passed validation, before the checks across files. */
  private record Loaded(AnalysisType type, String id, Path file, int line, Object item) {}

  private PackLoader() {}

  /** Walks each directory (or takes each file) and loads every {@code *.yml}/{@code *.yaml} spec below it. */
  public static DetectionPack load(List<Path> dirs) {
    requireNonNull(dirs, "dirs is null");
    PackLoader loader = new PackLoader();
    Set<Path> seen = new HashSet<>();
    for (Path dir : dirs) {
      for (Path file : loader.specFiles(dir)) {
        if (seen.add(file.toAbsolutePath().normalize())) {
          loader.loadFile(file, Files.isDirectory(dir) ? dir : file.getParent());
        }
      }
    }
    return loader.assemble();
  }

  public static DetectionPack load(Path... dirs) {
    return load(Arrays.asList(dirs));
  }

  private List<Path> specFiles(Path dir) {
    if (Files.isRegularFile(dir)) {
      return List.of(dir);
    }
    if (!Files.isDirectory(dir)) {
      problems.add(new LoadProblem(dir, 0, null, "no such directory; check the detections path",
          LoadProblem.Level.ERROR));
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
          // Hidden directories (.git, .github, …) hold no specs; panther_analysis_tool skips them too.
          return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
          String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
          if (attrs.isRegularFile() && !hidden(f) && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
            files.add(f);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      problems.add(new LoadProblem(dir, 0, null, "cannot list the directory: " + e.getMessage(),
          LoadProblem.Level.ERROR));
    }
    files.sort(Comparator.comparing(Path::toString));
    return files;
  }

  private static boolean hidden(Path p) {
    return p.getFileName() != null && p.getFileName().toString().startsWith(".");
  }

  private void loadFile(Path file, Path root) {
    SpecMap m = null;
    AnalysisType type = null;
    try {
      byte[] bytes = Files.readAllBytes(file);
      Node node = YamlValues.parse(SpecFile.utf8(bytes), file.toString());
      if (node == null) {
        throw new SpecException(0, "the file is empty; a spec needs AnalysisType and the keys of its type");
      }
      m = SpecMap.of(node, "", "spec keys (AnalysisType, …)");
      type = analysisType(m);
      SpecFile spec = new SpecFile(file, bytes, m, settings.runtimeFor(file, root));
      switch (type) {
        case RULE, SCHEDULED_RULE, POLICY, CORRELATION_RULE -> add(spec, type, DetectionReader.read(spec, type));
        case DATAMODEL -> add(spec, type, DataModelReader.read(spec));
        case GLOBAL -> add(spec, type, global(spec));
        case PACK -> add(spec, type, pack(spec));
        case SAVED_QUERY, SCHEDULED_QUERY -> add(spec, type, QueryReader.read(spec, type));
        case LOOKUP_TABLE -> {
          String name = m.id("LookupName");
          add(spec, type, null);
          problems.add(new LoadProblem(file, m.line("LookupName"), name, "lookup tables are not supported yet:"
              + " this one is accepted (pack references to it resolve) but not loaded, so rules see no"
              + " p_enrichment from it", LoadProblem.Level.NOTICE));
        }
      }
    } catch (SpecException e) {
      problems.add(new LoadProblem(file, e.line(), peekId(m, type), e.getMessage(), LoadProblem.Level.ERROR));
    } catch (CharacterCodingException e) {
      problems.add(new LoadProblem(file, 0, null, "not UTF-8 text; save the file as UTF-8", LoadProblem.Level.ERROR));
    } catch (IOException e) {
      problems.add(new LoadProblem(file, 0, null, "cannot read: " + e.getMessage(), LoadProblem.Level.ERROR));
    } catch (RuntimeException e) {
      // A loader bug must cost one file, not the whole pack.
      problems.add(new LoadProblem(file, 0, peekId(m, type), "could not be loaded (" + e + "); please report this"
          + " with the file", LoadProblem.Level.ERROR));
    }
  }

  private static AnalysisType analysisType(SpecMap m) {
    String value = m.string("AnalysisType");
    for (AnalysisType t : AnalysisType.values()) {
      if (t.yamlName().equals(value)) {
        return t;
      }
    }
    throw m.error("AnalysisType", "unknown AnalysisType '" + value + "'; use one of " + Arrays.stream(
        AnalysisType.values()).map(AnalysisType::yamlName).collect(Collectors.joining(", ")));
  }

  /** @param item the loaded model object; null for types Tarn accepts without loading (lookup tables) */
  private void add(SpecFile spec, AnalysisType type, Object item) {
    String key = idKey(type);
    loaded.add(new Loaded(type, spec.root().string(key), spec.file(), spec.root().line(key), item));
  }

  private static GlobalModule global(SpecFile spec) {
    SpecMap m = spec.root();
    m.allowOnly(SpecKeys.GLOBAL, "a global");
    String id = m.id("GlobalID");
    m.optString("Description");
    m.stringList("Tags");
    m.optInteger("BaseVersion");
    SpecFile.PythonFile python = spec.python(m, "Filename");
    return new GlobalModule(id, spec.file(), python.path(), python.text());
  }

  private static PackDefinition pack(SpecFile spec) {
    SpecMap m = spec.root();
    m.allowOnly(SpecKeys.PACK, "a pack");
    String id = m.id("PackID");
    SpecMap definition = m.map("PackDefinition", "IDs");
    definition.allowOnly(SpecKeys.PACK_DEFINITION, "PackDefinition");
    List<String> ids = definition.requiredStringList("IDs");
    return new PackDefinition(id, m.optName("DisplayName"), m.optString("Description"), ids, spec.file());
  }

  static String idKey(AnalysisType type) {
    return switch (type) {
      case RULE, SCHEDULED_RULE, CORRELATION_RULE -> "RuleID";
      case POLICY -> "PolicyID";
      case DATAMODEL -> "DataModelID";
      case GLOBAL -> "GlobalID";
      case PACK -> "PackID";
      case SAVED_QUERY, SCHEDULED_QUERY -> "QueryName";
      case LOOKUP_TABLE -> "LookupName";
    };
  }

  /** The id of a spec that failed, for the problem report, when it can be read at all. */
  private static String peekId(SpecMap m, AnalysisType type) {
    if (m == null || type == null || !(m.node(idKey(type)) instanceof ScalarNode s)) {
      return null;
    }
    return YamlValues.scalar(s) instanceof String id ? id : null;
  }

  // ---- checks across files ------------------------------------------------------------------------------------

  private DetectionPack assemble() {
    List<Loaded> unique = withoutDuplicateIds();
    Set<String> known = unique.stream().map(Loaded::id).collect(Collectors.toSet());
    List<Detection> detections = new ArrayList<>();
    List<DataModel> dataModels = new ArrayList<>();
    List<GlobalModule> globals = new ArrayList<>();
    List<QueryDefinition> queries = new ArrayList<>();
    List<PackDefinition> packs = new ArrayList<>();
    Map<String, Loaded> modelByLogType = new HashMap<>();
    for (Loaded l : unique) {
      Object item = l.item();
      if (item instanceof Detection d) {
        detections.add(d);
      } else if (item instanceof DataModel dm) {
        if (!dm.enabled() || noConflict(l, dm, modelByLogType)) {
          dataModels.add(dm);
        }
      } else if (item instanceof GlobalModule g) {
        globals.add(g);
      } else if (item instanceof QueryDefinition q) {
        queries.add(q);
      } else if (item instanceof PackDefinition p) {
        checkReferences(l, p, known);
        packs.add(p);
      }
    }
    return new DetectionPack(List.copyOf(detections), List.copyOf(dataModels), List.copyOf(globals),
        List.copyOf(queries), List.copyOf(packs), List.copyOf(problems));
  }

  /**
   * Panther keeps one id namespace across all analysis types. The first definition (in path order) wins; later ones
   * are reported, naming both files, and dropped.
   */
  private List<Loaded> withoutDuplicateIds() {
    Map<String, Loaded> first = new LinkedHashMap<>();
    List<Loaded> unique = new ArrayList<>();
    for (Loaded l : loaded) {
      Loaded earlier = first.putIfAbsent(l.id(), l);
      if (earlier == null) {
        unique.add(l);
        continue;
      }
      problems.add(new LoadProblem(l.file(), l.line(), l.id(), "duplicate id '" + l.id() + "': " + earlier.file()
          + ":" + earlier.line() + " already defines a " + earlier.type().yamlName() + " with this id. Ids must be"
          + " unique across all loaded directories; rename one of them (this file was skipped)",
          LoadProblem.Level.ERROR));
    }
    return unique;
  }

  /** At most one enabled data model per log type; the later one is reported with both files and dropped. */
  private boolean noConflict(Loaded l, DataModel model, Map<String, Loaded> modelByLogType) {
    for (String logType : model.logTypes()) {
      Loaded other = modelByLogType.get(logType);
      if (other != null) {
        problems.add(new LoadProblem(l.file(), l.line(), l.id(), "data model conflict: log type " + logType
            + " already has the enabled data model " + other.id() + " (" + other.file() + ":" + other.line()
            + "). A log type can have one enabled data model; disable or merge one of them (this data model was"
            + " skipped)", LoadProblem.Level.ERROR));
        return false;
      }
    }
    model.logTypes().forEach(lt -> modelByLogType.put(lt, l));
    return true;
  }

  private void checkReferences(Loaded l, PackDefinition pack, Set<String> known) {
    List<String> missing = pack.ids().stream().filter(id -> !known.contains(id)).toList();
    if (!missing.isEmpty()) {
      problems.add(new LoadProblem(l.file(), l.line(), l.id(), "PackDefinition.IDs names " + missing.size()
          + " id(s) that no loaded file defines: " + String.join(", ", missing) + ". Load the directories that"
          + " define them, or remove them from the pack", LoadProblem.Level.WARNING));
    }
  }
}
