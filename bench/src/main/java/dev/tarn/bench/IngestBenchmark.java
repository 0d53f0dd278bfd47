package dev.tarn.bench;

import dev.tarn.classify.LogType;
import dev.tarn.generate.ByteSize;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.logtypes.LogTypeRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The ingest benchmark: the same gzipped CloudTrail JSON lines through a plain Spark baseline (JSON reader into a
 * Delta append) and through {@code tarn ingest --once}, in one JVM and one SparkSession on {@code local[N]}, and the
 * ratio of their throughputs. Each round runs the baseline first, then Tarn, each into a fresh lake; data generation,
 * row counting and clean-up are outside the timed region.
 */
@Command(name = "ingest-benchmark", mixinStandardHelpOptions = true,
    description = "Time tarn ingest --once against spark.read.json -> Delta append on the same CloudTrail data")
public final class IngestBenchmark implements Callable<Integer> {
  private static final String LOG_TYPE = "AWS.CloudTrail";
  private static final double GOAL = 0.7;

  @Spec
  CommandSpec spec;

  @Option(names = "--size", defaultValue = "1GB", paramLabel = "SIZE",
      description = "Uncompressed CloudTrail to generate, e.g. 1GB, 200MB (default: ${DEFAULT-VALUE})")
  String size;

  @Option(names = "--files", defaultValue = "16", paramLabel = "N",
      description = "Gzip files to split the data into (default: ${DEFAULT-VALUE})")
  int files;

  @Option(names = "--cores", defaultValue = "2", paramLabel = "N",
      description = "Spark runs on local[N] (default: ${DEFAULT-VALUE})")
  int cores;

  @Option(names = "--rounds", defaultValue = "1", paramLabel = "N",
      description = "Baseline-then-Tarn pairs to time (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--warmup-size", defaultValue = "32MB", paramLabel = "SIZE",
      description = "Data each path ingests once, untimed, before the rounds, to warm up the JIT and the "
          + "metastore; 0 skips it (default: ${DEFAULT-VALUE})")
  String warmupSize;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", defaultValue = "bench/target/work", paramLabel = "DIR",
      description = "Scratch directory: generated data, lakes, metastore (default: ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--reuse-data",
      description = "Keep data an earlier run generated under --work with the same size, files and seed")
  boolean reuseData;

  @Option(names = "--stage-times",
      description = "After each run, print its Spark stages with wall, task, CPU and GC time (longest first)")
  boolean stageTimes;

  private final StageTimes stages = new StageTimes();

  public static void main(String[] args) {
    System.exit(new CommandLine(new IngestBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long bytes = parseSize("--size", size);
    long warmupBytes = parseSize("--warmup-size", warmupSize);
    check(files >= 1, "Invalid --files: %s (must be >= 1)", files);
    check(cores >= 1, "Invalid --cores: %s (must be >= 1)", cores);
    check(rounds >= 1, "Invalid --rounds: %s (must be >= 1)", rounds);
    Path root = work.toAbsolutePath().normalize();

    System.out.printf(Locale.ROOT, "ingest benchmark: local[%d], JVM max heap %s, %d processors visible, Java %s, "
            + "load average %.2f%n", cores, ByteSize.format(Runtime.getRuntime().maxMemory()),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    long started = System.nanoTime();
    CloudTrailLanding data = CloudTrailLanding.prepare(root.resolve("data"), bytes, files, seed, reuseData);
    System.out.printf(Locale.ROOT, "data: %s (%s)%n", data.describe(), data.reused() ? "reused"
        : String.format(Locale.ROOT, "generated in %.0f s", (System.nanoTime() - started) / 1e9));

    LogType cloudTrail = LogTypeRegistry.builtin().logType(LOG_TYPE);
    List<IngestPath> paths = List.of(
        new BaselineIngest(cloudTrail.decoder().eventType()), new TarnIngest(cloudTrail.tableName()));
    SparkSession spark = session(root);
    spark.sparkContext().addSparkListener(stages);
    try {
      if (warmupBytes > 0) {
        CloudTrailLanding warmup = CloudTrailLanding.prepare(root.resolve("warmup-data"), warmupBytes,
            Math.min(files, 4), seed, true);
        System.out.printf(Locale.ROOT, "warm-up (not measured; the first run in a JVM pays JIT compilation and "
            + "metastore start-up): %s%n", warmup.describe());
        for (IngestPath path : paths) {
          measure(spark, path, warmup, root).print();
        }
      }
      List<Double> ratios = new ArrayList<>();
      boolean consistent = true;
      for (int round = 1; round <= rounds; round++) {
        System.out.printf(Locale.ROOT, "round %d of %d (load average %.2f):%n", round, rounds, loadAverage());
        Measurement baseline = measure(spark, paths.get(0), data, root);
        baseline.print();
        Measurement ours = measure(spark, paths.get(1), data, root);
        ours.print();
        double ratio = ours.eventsPerSecond() / baseline.eventsPerSecond();
        ratios.add(ratio);
        System.out.printf(Locale.ROOT, "  ratio tarn / baseline: %.2f (goal >= %.2f)%n", ratio, GOAL);
        if (baseline.events() != data.events() || ours.events() != data.events()) {
          consistent = false;
          System.out.printf(Locale.ROOT, "  ERROR: row counts differ: generated %,d, baseline %,d, tarn %,d%n",
              data.events(), baseline.events(), ours.events());
        }
      }
      if (rounds > 1) {
        System.out.printf(Locale.ROOT, "median ratio over %d rounds: %.2f (all: %s)%n", rounds, median(ratios),
            ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList());
      }
      return consistent ? 0 : 1;
    } finally {
      spark.stop();
    }
  }

  /** The session {@code tarn ingest} would create (TarnSpark's local defaults), on local[N] with N-way parallelism. */
  private SparkSession session(Path root) {
    System.setProperty("tarn.spark.master", "local[" + cores + "]");
    System.setProperty("spark.default.parallelism", Integer.toString(cores));
    // to_date in the baseline uses the session time zone; Tarn's p_date is always the UTC date.
    System.setProperty("spark.sql.session.timeZone", "UTC");
    return TarnSpark.session(new Lake(root.resolve("session").toString()), "tarn-ingest-benchmark");
  }

  /** Runs one path into a fresh lake; only the ingest itself is timed. The lake is deleted afterwards. */
  private Measurement measure(SparkSession spark, IngestPath path, CloudTrailLanding landing, Path root)
      throws Exception {
    Path lake = root.resolve("lake");
    path.reset(spark);
    Directories.delete(lake);
    stages.clear();
    long start = System.nanoTime();
    String table = path.ingest(spark, landing, lake);
    long nanos = System.nanoTime() - start;
    // Stage events reach listeners asynchronously; wait for them before reading what this run did.
    spark.sparkContext().listenerBus().waitUntilEmpty();
    List<String> stageReport = stages.report();
    long events = spark.read().format("delta").load(table).count();
    long outputBytes = Directories.size(lake);
    path.reset(spark);
    Directories.delete(lake);
    return new Measurement(path.name(), events, nanos, cores, outputBytes, stageTimes ? stageReport : List.of());
  }

  private long parseSize(String option, String text) {
    try {
      return ByteSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
    }
  }

  private void check(boolean ok, String message, Object value) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, message, value));
    }
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
