package dev.tarn.bench;

import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The classify benchmark: a mixed stream of many files, each of one log type, from one source, classified with one
 * {@link Classifier} per file as ingest does. The baseline's classifier has only the file's true type as candidate;
 * ours has all built-in types (or {@code --candidates N}) in a fixed order (by name) with the five generated types last, so
 * the true type is never tried first until the penalty queue has learned it. Pure Java: no Spark session.
 */
@Command(name = "classify-benchmark", mixinStandardHelpOptions = true,
    description = "Time classification with 20+ candidate log types against the single-candidate case")
public final class ClassifyBenchmark implements Callable<Integer> {
  private static final double GOAL = 0.5;
  private static final int MIN_CANDIDATES = 20;

  @Spec
  CommandSpec spec;

  @Option(names = "--lines", defaultValue = "200000", paramLabel = "N",
      description = "Lines to generate in all, split evenly over the 5 generated types (default: ${DEFAULT-VALUE})")
  long lines;

  @Option(names = "--files-per-type", defaultValue = "20", paramLabel = "N",
      description = "Files each type's lines are split into (default: ${DEFAULT-VALUE})")
  int filesPerType;

  @Option(names = "--candidates", defaultValue = "0", paramLabel = "N",
      description = "Candidate types of the many-candidate classifier: the first N-5 other built-in types, then "
          + "the 5 generated ones; 0 means all built-in types (default: ${DEFAULT-VALUE})")
  int candidates;

  @Option(names = "--keep-overlapping",
      description = "Keep candidates that accept lines of another (generated) type; by default they are listed and "
          + "left out, since they would take those files and the two setups would no longer do the same work")
  boolean keepOverlapping;

  @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
      description = "Baseline-then-ours pairs to time (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup-rounds", defaultValue = "2", paramLabel = "N",
      description = "Untimed passes of each setup before the rounds, for the JIT (default: ${DEFAULT-VALUE})")
  int warmupRounds;

  @Option(names = "--learning-lines", defaultValue = "1000", paramLabel = "N",
      description = "The first N lines of each file are also reported on their own: the penalty queue's "
          + "learning phase (default: ${DEFAULT-VALUE})")
  int learningLines;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Generator and shuffle seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", defaultValue = "bench/target/work", paramLabel = "DIR",
      description = "Scratch directory; the generated files go to DIR/classify-data (default: ${DEFAULT-VALUE})")
  Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ClassifyBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    check(lines >= 5, "Invalid --lines: %s (must be >= 5)", lines);
    check(filesPerType >= 1, "Invalid --files-per-type: %s (must be >= 1)", filesPerType);
    check(rounds >= 1, "Invalid --rounds: %s (must be >= 1)", rounds);
    check(warmupRounds >= 0, "Invalid --warmup-rounds: %s (must be >= 0)", warmupRounds);
    check(learningLines >= 0, "Invalid --learning-lines: %s (must be >= 0)", learningLines);
    System.out.printf(Locale.ROOT, "classify benchmark: JVM max heap %,d MB, %d processors visible, Java %s, "
            + "load average %.2f%n", Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());

    long started = System.nanoTime();
    Path dataDir = work.toAbsolutePath().normalize().resolve("classify-data");
    MixedLogFiles data = MixedLogFiles.generate(dataDir, lines / 5, filesPerType, seed);
    System.out.printf(Locale.ROOT, "data: %s; generated and loaded in %.1f s%n", data.describe(),
        (System.nanoTime() - started) / 1e9);

    LogTypeRegistry registry = LogTypeRegistry.builtin();
    List<LogType> many = manyCandidates(registry, data);
    check(many.size() >= MIN_CANDIDATES, "Invalid --candidates: %s (must be 0 or >= " + MIN_CANDIDATES + ")",
        many.size());
    Map<String, List<LogType>> single = new HashMap<>();
    for (String name : data.logTypes()) {
      single.put(name, List.of(registry.logType(name)));
    }
    System.out.printf(Locale.ROOT, "candidates: baseline 1 (the file's true type); ours %d in this order: %s%n",
        many.size(), many.stream().map(LogType::name).toList());

    String oursName = "ours (" + many.size() + " candidates)";
    Function<String, List<LogType>> oursCandidates = type -> many;
    for (int i = 0; i < warmupRounds; i++) {
      run("warm-up baseline", data, single::get);
      run("warm-up ours", data, oursCandidates);
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> learningRatios = new ArrayList<>();
    boolean consistent = true;
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(Locale.ROOT, "round %d of %d (load average %.2f):%n", round, rounds, loadAverage());
      ClassifyRun baseline = run("baseline (1 candidate)", data, single::get);
      System.out.println(baseline.row());
      ClassifyRun ours = run(oursName, data, oursCandidates);
      System.out.println(ours.row());
      double ratio = ours.linesPerSecond() / baseline.linesPerSecond();
      double learningRatio = ours.learningLinesPerSecond() / baseline.learningLinesPerSecond();
      ratios.add(ratio);
      learningRatios.add(learningRatio);
      System.out.printf(Locale.ROOT, "  ratio ours / baseline: %.2f (goal >= %.2f); first %,d lines of each file: "
          + "%.2f%n", ratio, GOAL, learningLines, learningRatio);
      consistent &= checkRun(baseline, data) & checkRun(ours, data) & sameRows(baseline, ours);
    }
    System.out.printf(Locale.ROOT, "median ratio over %d rounds: %.2f (all: %s); first %,d lines of each file: %.2f"
        + "%n", rounds, median(ratios), format(ratios), learningLines, median(learningRatios));
    return consistent ? 0 : 1;
  }

  /**
   * The many-candidate list: the other built-in types by name, then the generated (true) types moved to the end, so
   * every file's first line is tried against all the others first.
   */
  private List<LogType> manyCandidates(LogTypeRegistry registry, MixedLogFiles data) {
    List<String> trueTypes = data.logTypes();
    List<LogType> others = new ArrayList<>();
    // Sorted: the registry's iteration order varies from JVM to JVM, and the order must be the same every run.
    List<LogSchema> schemas = registry.all().stream().sorted(java.util.Comparator.comparing(LogSchema::name))
        .toList();
    for (LogSchema schema : schemas) {
      if (trueTypes.contains(schema.name())) {
        continue;
      }
      LogType type = LogTypeRegistry.compile(schema);
      List<String> taken = acceptedTypes(type, data);
      if (taken.isEmpty() || keepOverlapping) {
        others.add(type);
      }
      if (!taken.isEmpty()) {
        System.out.printf(Locale.ROOT, "WARNING: candidate %s accepts lines of %s, so it would take those files "
            + "when tried first; %s%n", type.name(), taken, keepOverlapping ? "kept (--keep-overlapping)"
            : "left out of the candidates (--keep-overlapping keeps it)");
      }
    }
    if (candidates > 0) {
      check(candidates >= MIN_CANDIDATES && candidates - trueTypes.size() <= others.size(),
          "Invalid --candidates: %s (must be 0, or between " + MIN_CANDIDATES + " and "
              + (others.size() + trueTypes.size()) + ")", candidates);
      others = others.subList(0, candidates - trueTypes.size());
    }
    List<LogType> all = new ArrayList<>(others);
    for (String name : trueTypes) {
      all.add(registry.logType(name));
    }
    return List.copyOf(all);
  }

  /** The generated types of which {@code type} accepts at least one of the first lines of their first file. */
  private static List<String> acceptedTypes(LogType type, MixedLogFiles data) {
    List<String> taken = new ArrayList<>();
    for (String name : data.logTypes()) {
      MixedLogFiles.LogFile file = data.files().stream().filter(f -> f.logType().equals(name)).findFirst()
          .orElseThrow();
      Classifier classifier = new Classifier(List.of(type));
      RowContext context = new RowContext("bench-source", "bench", file.path(), 0L);
      long number = 0;
      for (String line : file.lines().subList(0, Math.min(100, file.lines().size()))) {
        classifier.classify(line, ++number, context);
        if (classifier.accepted() && !classifier.rows().isEmpty()) {
          taken.add(name);
          break;
        }
      }
    }
    return taken;
  }

  /**
   * Classifies every file with a fresh classifier, as ingest does per file. Timed: building the classifier and the
   * classify calls. The first {@code learningLines} of each file are timed apart as well.
   */
  private ClassifyRun run(String name, MixedLogFiles data, Function<String, List<LogType>> candidatesOf) {
    long lineCount = 0;
    long accepted = 0;
    long rows = 0;
    long misclassified = 0;
    long nanos = 0;
    long learning = 0;
    long learningNanos = 0;
    Map<String, Long> acceptedBy = new HashMap<>();
    for (MixedLogFiles.LogFile file : data.files()) {
      List<LogType> fileCandidates = candidatesOf.apply(file.logType());
      long start = System.nanoTime();
      long learned = start;
      Classifier classifier = new Classifier(fileCandidates);
      RowContext context = new RowContext("bench-source", "bench", file.path(), 0L);
      long number = 0;
      String lastType = null;
      long lastTypeCount = 0;
      for (String line : file.lines()) {
        classifier.classify(line, ++number, context);
        if (classifier.accepted()) {
          accepted++;
          rows += classifier.rows().size();
          String type = classifier.acceptedType().name();
          if (!type.equals(file.logType())) {
            misclassified++;
          }
          if (type.equals(lastType)) {
            lastTypeCount++;
          } else {
            if (lastType != null) {
              acceptedBy.merge(lastType, lastTypeCount, Long::sum);
            }
            lastType = type;
            lastTypeCount = 1;
          }
        }
        if (number == learningLines) {
          learned = System.nanoTime();
        }
      }
      long end = System.nanoTime();
      if (number < learningLines) {
        learned = end;
      }
      if (lastType != null) {
        acceptedBy.merge(lastType, lastTypeCount, Long::sum);
      }
      lineCount += number;
      learning += Math.min(number, learningLines);
      learningNanos += learned - start;
      nanos += end - start;
    }
    return new ClassifyRun(name, lineCount, accepted, rows, misclassified, nanos, learning, learningNanos,
        acceptedBy);
  }

  private static boolean checkRun(ClassifyRun run, MixedLogFiles data) {
    boolean ok = true;
    if (run.lines() != data.lines() || run.accepted() != run.lines()) {
      System.out.printf(Locale.ROOT, "  ERROR: %s accepted %,d of %,d lines (generated %,d)%n", run.path(),
          run.accepted(), run.lines(), data.lines());
      ok = false;
    }
    if (run.misclassified() != 0) {
      System.out.printf(Locale.ROOT, "  ERROR: %s gave %,d lines a type other than their file's; accepted by type: "
          + "%s%n", run.path(), run.misclassified(), run.acceptedBy());
      ok = false;
    }
    return ok;
  }

  private static boolean sameRows(ClassifyRun baseline, ClassifyRun ours) {
    if (baseline.rows() != ours.rows()) {
      System.out.printf(Locale.ROOT, "  ERROR: rows differ: baseline %,d, ours %,d%n", baseline.rows(), ours.rows());
      return false;
    }
    return true;
  }

  private void check(boolean ok, String message, Object value) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, message, value));
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String format(List<Double> values) {
    return values.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList().toString();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
