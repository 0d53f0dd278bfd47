package dev.tarn.bench;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.tarn.classify.StandardColumns;
import dev.tarn.detect.job.EventShape;
import dev.tarn.generate.ByteSize;
import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import dev.tarn.lake.Lake;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The detection benchmark's input: generated CloudTrail events ingested once by Tarn's IngestJob into a bench lake
 * ({@code panther_logs.aws_cloudtrail}), and the same rows exported as Panther lake JSON lines, rendered by
 * {@link EventShape} exactly as the detect job hands them to Python. A properties file written last records what was
 * prepared, so data whose preparation was interrupted is never reused.
 *
 * @param lake the bench lake's root
 * @param table the Delta path of the CloudTrail table
 * @param eventsJson the directory of exported JSON lines (Spark text part files)
 * @param events rows in the table
 * @param from the earliest {@code p_event_time}
 * @param to just after the latest {@code p_event_time}: {@code [from, to)} covers every row
 * @param reused whether an earlier run's data was kept
 */
record DetectData(Path lake, String table, Path eventsJson, long events, Instant from, Instant to, boolean reused) {
  static final String LOG_TYPE = "AWS.CloudTrail";
  /** Events spread over three days, as in the ingest benchmark: a few date partitions. */
  private static final Duration SPAN = Duration.ofDays(3);
  private static final String MANIFEST = "prepared.properties";

  DetectData {
    requireNonNull(lake, "lake is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
  }

  /**
   * Generates {@code events} CloudTrail events in {@code files} gzip files, ingests them and exports the rows, under
   * {@code root}; with {@code reuse}, keeps what an earlier run prepared there with the same events, files and seed.
   */
  static DetectData prepare(SparkSession spark, Path root, long events, int files, long seed, boolean reuse)
      throws Exception {
    Path manifest = root.resolve(MANIFEST);
    Properties wanted = new Properties();
    wanted.setProperty("requestedEvents", Long.toString(events));
    wanted.setProperty("files", Integer.toString(files));
    wanted.setProperty("seed", Long.toString(seed));
    if (reuse && Files.exists(manifest)) {
      Properties found = new Properties();
      try (InputStream in = Files.newInputStream(manifest)) {
        found.load(in);
      }
      if (wanted.keySet().stream().allMatch(k -> wanted.get(k).equals(found.get(k)))) {
        return of(root, found, true);
      }
      System.out.printf(Locale.ROOT, "data under %s was prepared with %s, not %s: preparing again%n", root, found,
          wanted);
    }
    Directories.delete(root);
    long started = System.nanoTime();
    GenerationReport report = new LogGenerator(GeneratorOptions.builder()
        .seed(seed)
        .types(LogType.CLOUDTRAIL)
        .events(LogType.CLOUDTRAIL, events)
        .filesPerType(files)
        .duration(SPAN)
        .gzip(true)
        .build()).write(root.resolve("landing"));
    CloudTrailLanding landing = new CloudTrailLanding(
        root.resolve("landing").resolve(LogType.CLOUDTRAIL.directory()).toAbsolutePath(), report.files().size(),
        report.totalEvents(), report.bytes(), report.uncompressedBytes(), false);
    System.out.printf(Locale.ROOT, "  generated %s in %.0f s%n", landing.describe(), secondsSince(started));

    started = System.nanoTime();
    Path lake = root.resolve("lake").toAbsolutePath();
    TarnIngest ingest = new TarnIngest(LogSchema.tableName(LOG_TYPE));
    ingest.reset(spark);
    String table = ingest.ingest(spark, landing, lake);
    System.out.printf(Locale.ROOT, "  ingested with Tarn's IngestJob in %.0f s: %s (%s)%n", secondsSince(started),
        table, ByteSize.format(Directories.size(Path.of(table))));

    started = System.nanoTime();
    Dataset<Row> rows = spark.read().format("delta").load(table);
    LogSchema schema = new LogTypeStore(lake.toString(), spark.sparkContext().hadoopConfiguration()).registry()
        .find(LOG_TYPE).orElseThrow(() -> new IllegalStateException("no log schema for " + LOG_TYPE));
    EventShape shape = EventShape.of(schema, rows.schema());
    Path json = root.resolve("events-json").toAbsolutePath();
    rows.map((MapFunction<Row, String>) shape::render, Encoders.STRING()).write().text(json.toString());
    Row range = rows.agg(min(StandardColumns.EVENT_TIME), max(StandardColumns.EVENT_TIME),
        count(lit(1))).first();
    System.out.printf(Locale.ROOT, "  exported the rows as Panther lake JSON lines in %.0f s: %s (%s)%n",
        secondsSince(started), json, ByteSize.format(Directories.size(json)));
    Directories.delete(root.resolve("landing"));

    Properties done = new Properties();
    done.putAll(wanted);
    done.setProperty("table", table);
    done.setProperty("events", Long.toString(range.getLong(2)));
    done.setProperty("from", ((Timestamp) range.get(0)).toInstant().toString());
    done.setProperty("to", ((Timestamp) range.get(1)).toInstant().plusNanos(1000).toString());
    try (OutputStream out = Files.newOutputStream(manifest)) {
      done.store(out, "written by " + DetectBenchmark.class.getName() + " after the data was complete");
    }
    return of(root, done, false);
  }

  private static DetectData of(Path root, Properties p, boolean reused) {
    return new DetectData(root.resolve("lake").toAbsolutePath(), p.getProperty("table"),
        root.resolve("events-json").toAbsolutePath(), Long.parseLong(p.getProperty("events")),
        Instant.parse(p.getProperty("from")), Instant.parse(p.getProperty("to")), reused);
  }

  /** The end of the range {@code [from, end)} that holds about {@code n} events (the generator spreads them evenly). */
  Instant endAfter(long n) {
    if (n >= events) {
      return to;
    }
    long span = Duration.between(from, to).toNanos();
    return from.plusNanos((long) (span * ((double) n / events)));
  }

  String describe() {
    return String.format(Locale.ROOT, "%,d CloudTrail events from %s to %s in %s", events, from, to, table);
  }

  private static double secondsSince(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  /** The lake as Tarn's config names it. */
  Lake tarnLake() {
    return new Lake(lake.toString());
  }
}
