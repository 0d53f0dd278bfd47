package dev.tarn.bench;

import dev.tarn.config.DetectionConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.PythonCallCount;
import dev.tarn.generate.ByteSize;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The detection benchmark: the repository's Python AWS.CloudTrail rules over the same CloudTrail events, run by Tarn's
 * detect job (GraalPy in Spark tasks on {@code local[N]}, behind native pre-filters) and by plain CPython (one
 * process, one core), with the ratio of Tarn's events/s per core to CPython's events/s. The match and error counts of
 * every rule must agree between the paths: the run doubles as an end-to-end differential check, and exits with status 1
 * when they do not.
 */
@Command(name = "detect-benchmark", mixinStandardHelpOptions = true,
    description = "Time tarn detect --from --to against CPython running the same Python rules on the same events")
public final class DetectBenchmark implements Callable<Integer> {
  private static final double GOAL = 1.0;

  @Option(names = "--events", defaultValue = "1000000", paramLabel = "N",
      description = "CloudTrail events to generate and ingest (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--files", defaultValue = "16", paramLabel = "N",
      description = "Gzip files the generated events are split into (default: ${DEFAULT-VALUE})")
  int files;

  @Option(names = "--cores", defaultValue = "2", paramLabel = "N",
      description = "Spark runs on local[N] (default: ${DEFAULT-VALUE})")
  int cores;

  @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
      description = "CPython-then-Tarn pairs to time (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup-events", defaultValue = "20000", paramLabel = "N",
      description = "Tarn replays about this many events once, untimed, before the rounds: the first run in a JVM "
          + "pays GraalPy context creation and JIT compilation; 0 skips it (default: ${DEFAULT-VALUE})")
  long warmupEvents;

  @Option(names = "--unfiltered-events", defaultValue = "10000", paramLabel = "N",
      description = "Events (the earliest ones) the run without pre-filters covers; every event then goes to "
          + "Python for every rule, which is slow; 0 means all events (default: ${DEFAULT-VALUE})")
  long unfilteredEvents;

  @Option(names = "--skip-jython", description = "Do not try the rules under Jython")
  boolean skipJython;

  @Option(names = "--stage-times",
      description = "After each Tarn run, print its Spark stages with wall, task, CPU and GC time")
  boolean stageTimes;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", defaultValue = "bench/target/work", paramLabel = "DIR",
      description = "Scratch directory: generated data, the bench lake, the pack copy (default: ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--reuse-data",
      description = "Keep the lake and exported events an earlier run prepared under --work with the same events, "
          + "files and seed")
  boolean reuseData;

  @Option(names = "--detections", defaultValue = "detections", paramLabel = "DIR",
      description = "Detections directory whose Python AWS.CloudTrail rules are run (default: ${DEFAULT-VALUE})")
  Path detections;

  @Option(names = "--python", defaultValue = "python3", paramLabel = "EXE",
      description = "The CPython interpreter of the baseline (default: ${DEFAULT-VALUE})")
  String python;

  @Option(names = "--python-sources", defaultValue = "detection/src/main/resources/python", paramLabel = "DIR",
      description = "Tarn's pure-Python Panther API, put on the baseline's sys.path (default: ${DEFAULT-VALUE})")
  Path pythonSources;

  @Option(names = "--script", defaultValue = "bench/python/run_rules.py", paramLabel = "FILE",
      description = "The baseline's script (default: ${DEFAULT-VALUE})")
  Path script;

  private final List<String> failures = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new DetectBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    CommandLine cli = new CommandLine(this);
    if (events < 1 || files < 1 || cores < 1 || rounds < 1 || warmupEvents < 0 || unfilteredEvents < 0) {
      throw new CommandLine.ParameterException(cli, String.format(Locale.ROOT, "Invalid options: --events %d, "
          + "--files %d, --cores %d, --rounds %d must be >= 1; --warmup-events %d, --unfiltered-events %d must be "
          + ">= 0", events, files, cores, rounds, warmupEvents, unfilteredEvents));
    }
    Path root = work.toAbsolutePath().normalize();
    System.out.printf(Locale.ROOT, "detect benchmark: local[%d], JVM max heap %s, %d processors visible, Java %s, "
            + "load average %.2f%n", cores, ByteSize.format(Runtime.getRuntime().maxMemory()),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    SparkSession spark = session(root);
    try {
      DetectData data = DetectData.prepare(spark, root.resolve("detect-data"), events, files, seed, reuseData);
      System.out.printf(Locale.ROOT, "data: %s (%s)%n", data.describe(), data.reused() ? "reused" : "prepared now");
      DetectPack pack = DetectPack.copy(detections, DetectData.LOG_TYPE, root.resolve("detect-pack"));
      System.out.printf(Locale.ROOT, "rules: %d enabled Python %s rules from %s, copied with %d global helpers and "
              + "%d data models to %s%n", pack.ruleIds().size(), DetectData.LOG_TYPE, detections.toAbsolutePath(),
          pack.pack().globals().size(), pack.pack().dataModels().size(), pack.directory());
      return run(spark, data, pack, root);
    } finally {
      spark.stop();
    }
  }

  private int run(SparkSession spark, DetectData data, DetectPack pack, Path root) throws Exception {
    TarnConfig config = new TarnConfig(data.lake().toString(), root.resolve("detect-landing").toString(), List.of(),
        Duration.ofMinutes(1), 1000)
        .withDetection(DetectionConfig.defaults().withDirs(List.of(pack.directory().toString())));
    DetectTarn tarn = new DetectTarn(spark, data, cores, stageTimes ? new StageTimes() : null);
    DetectCPython cpython = new DetectCPython(python, script.toAbsolutePath(), pythonSources.toAbsolutePath());
    DetectTarn.LoadedJob graalpy = tarn.load(config);
    if (graalpy.rules().size() != pack.ruleIds().size()) {
      System.out.printf(Locale.ROOT, "  WARNING: %d of %d rules did not load under GraalPy: %s%n",
          pack.ruleIds().size() - graalpy.rules().size(), pack.ruleIds().size(), graalpy.pack().problems());
    }
    Path manifest = pack.writeManifest(root.resolve("detect-pack-manifest.json"), pack.ruleIds());

    if (warmupEvents > 0) {
      Instant end = data.endAfter(warmupEvents);
      System.out.println("warm-up (not measured; the first run in a JVM creates the GraalPy contexts and pays JIT "
          + "compilation):");
      tarn.run("tarn detect, warm-up", config, end, tarn.eventsBefore(end)).print();
    }

    List<Double> ratios = new ArrayList<>();
    DetectResult ours = null;
    DetectResult baseline = null;
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(Locale.ROOT, "round %d of %d (load average %.2f):%n", round, rounds, loadAverage());
      DetectCPython.Report report = cpython.run("cpython, 1 process", manifest, data.eventsJson());
      baseline = report.result();
      baseline.print();
      if (round == 1) {
        System.out.printf(Locale.ROOT, "    %s, rules imported in %.2f s, %,d rule() calls, load problems: %s%n",
            report.version(), report.importSeconds(), report.ruleCalls(), report.loadProblems());
        checkSameRules(graalpy.rules(), pack.ruleIds(), report);
      }
      ours = tarn.run("tarn detect (graalpy, pre-filters)", config, data.to(), data.events());
      ours.print();
      double ratio = ours.eventsPerSecondPerCore() / baseline.eventsPerSecond();
      ratios.add(ratio);
      System.out.printf(Locale.ROOT, "  ratio tarn events/s per core / cpython events/s: %.2f (goal >= %.2f)%n",
          ratio, GOAL);
      compare(ours, baseline, graalpy.rules(), data.events(), baseline.events());
    }
    if (rounds > 1) {
      System.out.printf(Locale.ROOT, "median ratio over %d rounds: %.2f (all: %s)%n", rounds, median(ratios),
          ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
    }

    // Pre-filters off, over the earliest events; its counts are checked against the filtered run's over the same range.
    Instant sliceEnd = unfilteredEvents == 0 ? data.to() : data.endAfter(unfilteredEvents);
    long sliceEvents = sliceEnd.equals(data.to()) ? data.events() : tarn.eventsBefore(sliceEnd);
    DetectResult filteredSlice = tarn.findingsBefore("tarn detect (graalpy, pre-filters)", sliceEnd, sliceEvents,
        graalpy.rules());
    System.out.printf(Locale.ROOT, "without pre-filters (detections.prefilters: false), over the earliest %,d events "
        + "(load average %.2f):%n", sliceEvents, loadAverage());
    DetectResult unfiltered = tarn.run("tarn detect (graalpy, no pre-filters)",
        config.withDetection(config.detection().withPrefilters(false)), sliceEnd, sliceEvents);
    unfiltered.print();
    double unfilteredRatio = unfiltered.eventsPerSecondPerCore() / baseline.eventsPerSecond();
    System.out.printf(Locale.ROOT, "  ratio tarn (no pre-filters) events/s per core / cpython events/s: %.2f%n",
        unfilteredRatio);
    compare(unfiltered, filteredSlice, graalpy.rules(), sliceEvents, sliceEvents);

    pythonCalls(spark, tarn, graalpy, data);
    if (skipJython) {
      System.out.println("jython: skipped (--skip-jython)");
    } else {
      jython(tarn, cpython, config, pack, data, root);
    }

    System.out.println("summary:");
    baseline.print();
    ours.withoutStages().print();
    unfiltered.withoutStages().print();
    System.out.printf(Locale.ROOT, "  ratio tarn / cpython (events/s per core): %.2f with pre-filters (goal >= %.2f)"
        + ", %.2f without%n", rounds > 1 ? median(ratios) : ratios.get(0), GOAL, unfilteredRatio);
    if (!failures.isEmpty()) {
      System.out.println("ERROR: the paths disagree (differential check failed):");
      failures.forEach(f -> System.out.println("  " + f));
      return 1;
    }
    System.out.println("differential check: every rule's match and error counts agree across the paths");
    return 0;
  }

  /** How many (event, rule) pairs reach Python with and without the derived pre-filters (not timed). */
  private void pythonCalls(SparkSession spark, DetectTarn tarn, DetectTarn.LoadedJob graalpy, DetectData data) {
    LogSchema schema = new LogTypeStore(data.lake().toString(), spark.sparkContext().hadoopConfiguration())
        .registry().find(DetectData.LOG_TYPE).orElseThrow();
    PythonCallCount.Count with = PythonCallCount.of(graalpy.job(), schema, tarn.table(), true);
    PythonCallCount.Count without = PythonCallCount.of(graalpy.job(), schema, tarn.table(), false);
    System.out.printf(Locale.ROOT, "python calls over all %,d events x %d rules = %,d (event, rule) pairs:%n",
        with.events(), with.rules(), with.pairs());
    System.out.printf(Locale.ROOT, "  with pre-filters:    %,d reach Python, %,d avoided (%.2f%%); %,d events reach "
        + "Python%n", with.calls(), with.avoided(), 100.0 * with.avoided() / with.pairs(), with.eventsToPython());
    System.out.printf(Locale.ROOT, "  without pre-filters: %,d reach Python, %,d avoided by InlineFilters (%.2f%%); "
        + "%,d events reach Python%n", without.calls(), without.avoided(), 100.0 * without.avoided() / without.pairs(),
        without.eventsToPython());
  }

  private void jython(DetectTarn tarn, DetectCPython cpython, TarnConfig config, DetectPack pack, DetectData data,
      Path root) throws Exception {
    Set<String> loadable = DetectJython.loadable(tarn, config, pack.ruleIds());
    if (loadable.isEmpty()) {
      System.out.println("jython: skipped, no rule loads under Jython (they use Python 3 syntax; see above)");
      return;
    }
    System.out.printf(Locale.ROOT, "jython: the %d rules that load, Jython against CPython on the same rules:%n",
        loadable.size());
    Path manifest = pack.writeManifest(root.resolve("detect-pack-manifest-jython.json"), loadable);
    DetectResult baseline = cpython.run("cpython, 1 process, same rules", manifest, data.eventsJson()).result();
    baseline.print();
    DetectResult jython = tarn.run("tarn detect (jython, pre-filters)", DetectJython.config(config), data.to(),
        data.events());
    jython.print();
    System.out.printf(Locale.ROOT, "  ratio tarn (jython) events/s per core / cpython events/s: %.2f%n",
        jython.eventsPerSecondPerCore() / baseline.eventsPerSecond());
    compare(jython, baseline, loadable, data.events(), baseline.events());
  }

  private void checkSameRules(Set<String> ours, List<String> all, DetectCPython.Report report) {
    Set<String> theirs = new TreeSet<>(all);
    theirs.removeAll(report.loadProblems().keySet());
    if (!theirs.equals(new TreeSet<>(ours))) {
      failures.add("the paths loaded different rules: tarn " + ours + ", cpython " + theirs);
    }
  }

  private void compare(DetectResult a, DetectResult b, Set<String> rules, long aEvents, long bEvents) {
    if (aEvents != bEvents) {
      failures.add(String.format(Locale.ROOT, "%s saw %,d events, %s %,d", a.path(), aEvents, b.path(), bEvents));
    }
    List<String> differences = a.differences(b, rules);
    if (!differences.isEmpty()) {
      System.out.printf(Locale.ROOT, "  MISMATCH: %d rules differ between %s and %s:%n", differences.size(),
          a.path(), b.path());
      differences.forEach(d -> System.out.println("    " + d));
      failures.addAll(differences);
    } else {
      System.out.printf(Locale.ROOT, "  check: %s and %s agree on every rule (%,d matches, %,d rule errors)%n",
          a.path(), b.path(), a.totalMatches(), a.totalErrors());
    }
  }

  /** The session {@code tarn detect} would create (TarnSpark's local defaults), on local[N] with N-way parallelism. */
  private SparkSession session(Path root) throws java.io.IOException {
    Path session = root.resolve("detect-session");
    Directories.delete(session);
    System.setProperty("tarn.spark.master", "local[" + cores + "]");
    System.setProperty("spark.default.parallelism", Integer.toString(cores));
    System.setProperty("spark.sql.session.timeZone", "UTC");
    return TarnSpark.session(new Lake(session.toString()), "tarn-detect-benchmark");
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
