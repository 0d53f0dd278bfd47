package dev.tarn.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.StandardColumns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.search.IndicatorQuery;
import dev.tarn.search.IndicatorSearch;
import dev.tarn.search.LogTypeMatches;
import dev.tarn.search.SearchEngine;
import dev.tarn.search.SearchKind;
import dev.tarn.search.SearchResult;
import dev.tarn.search.TimeRange;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The indicator-search benchmark: {@code tarn search --ip} ({@link IndicatorSearch}) over one day and over the whole
 * range, before and after compaction ({@code OPTIMIZE ... ZORDER BY (p_event_time)}), against a full scan of every
 * log table ({@link SearchFullScan}), on a lake of generated logs ingested by Tarn. Every path must count the same
 * matches per log type, or the benchmark exits with status 1.
 */
@Command(name = "search-benchmark", mixinStandardHelpOptions = true,
    description = "Time tarn search before/after compaction against a full scan of every log table")
public final class SearchBenchmark implements Callable<Integer> {
  private static final double GOAL = 10.0;

  @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Days of data (default: ${DEFAULT-VALUE})")
  int days;

  @Option(names = "--cloudtrail-events", defaultValue = "5000000", paramLabel = "N",
      description = "CloudTrail events (default: ${DEFAULT-VALUE})")
  long cloudTrailEvents;

  @Option(names = "--events-per-type", defaultValue = "500000", paramLabel = "N",
      description = "Events of each other log type: VPC flow, S3 access, Okta, GitHub (default: ${DEFAULT-VALUE})")
  long eventsPerType;

  @Option(names = "--files-per-day", defaultValue = "4", paramLabel = "N",
      description = "Generated files per log type and day (default: ${DEFAULT-VALUE})")
  int filesPerDay;

  @Option(names = "--rows-per-file", defaultValue = "1000", paramLabel = "N",
      description = "Ingest writes data files of at most this many rows, as continuous ingest's small files "
          + "(default: ${DEFAULT-VALUE})")
  int rowsPerFile;

  @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
      description = "Timed runs of each path; the median is reported (default: ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--cores", defaultValue = "2", paramLabel = "N", description = "local[N] (default: ${DEFAULT-VALUE})")
  int cores;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--work", defaultValue = "bench/target/work", paramLabel = "DIR",
      description = "Scratch directory (default: ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--reuse-data", description = "Keep the lake an earlier run prepared under --work with the same "
      + "options (the benchmark restores its tables to their state before compaction when it ends)")
  boolean reuseData;

  @Option(names = "--after-only", description = "Measure only after compaction and leave the lake compacted, so that "
      + "the next --reuse-data --after-only run has nothing to compact")
  boolean afterOnly;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SearchBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    System.setProperty("tarn.spark.master", "local[" + cores + "]");
    System.setProperty("spark.default.parallelism", Integer.toString(cores));
    SparkSession spark = TarnSpark.session(new Lake(work.resolve("search-session").toAbsolutePath().toString()),
        "search-benchmark");
    System.out.printf(Locale.ROOT, "search benchmark: local[%d], heap %,d MB, load average %.1f%n", cores,
        Runtime.getRuntime().maxMemory() >> 20, load());
    try {
      SearchData data = SearchData.prepare(spark, work.resolve("search-data"), days, cloudTrailEvents,
          eventsPerType, filesPerDay, rowsPerFile, seed, reuseData);
      Lake lake = data.lake();
      Map<String, String> tables = tables(lake);
      System.out.printf(Locale.ROOT, "lake: %,d events%s in %s%n", data.events(),
          data.reused() ? " (reused)" : "", lake.root());
      Map<String, Long> versions = new LinkedHashMap<>();
      tables.forEach((name, path) -> versions.put(name, version(spark, path)));
      printFiles(spark, tables, "before compaction");

      TimeRange all = fullRange(spark, tables);
      LocalDate middle = all.from().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(days / 2);
      TimeRange oneDay = new TimeRange(middle.atStartOfDay(ZoneOffset.UTC).toInstant(),
          middle.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      String ip = pickIp(spark, tables, middle);
      IndicatorQuery day = IndicatorQuery.of(SearchKind.IP.indicator(ip), oneDay);
      IndicatorQuery month = IndicatorQuery.of(SearchKind.IP.indicator(ip), all);
      System.out.printf(Locale.ROOT, "searching --ip %s: one day %s..%s, whole range %s..%s%n", ip, oneDay.from(),
          oneDay.to(), all.from(), all.to());
      long dayEvents = eventsIn(spark, tables, oneDay);

      List<Timing> timings = new ArrayList<>();
      boolean ok = true;
      Timing beforeDay = null;
      Timing beforeMonth = null;
      Timing scanBefore = null;
      if (!afterOnly) {
        beforeDay = time(spark, lake, "(a) search 1 day, before compaction", day, dayEvents, SearchEngine.AUTO);
        beforeMonth = time(spark, lake, "(d) search all days, before compaction", month, data.events(),
            SearchEngine.AUTO);
        scanBefore = timeScan(spark, tables, "(c) full scan, before compaction", day, data.events());
        timings.addAll(List.of(beforeDay, beforeMonth, scanBefore));
      }

      long started = System.nanoTime();
      for (String path : tables.values()) {
        if (afterOnly && files(spark, path) <= days + 1) {
          // Compacted by an earlier --after-only run (one file per day); ZORDER would rewrite it all again.
          continue;
        }
        // What tarn maintain does per partition; here for all partitions of each table at once.
        spark.sql("OPTIMIZE delta.`" + path + "` ZORDER BY (" + StandardColumns.EVENT_TIME + ")").collectAsList();
      }
      System.out.printf(Locale.ROOT, "OPTIMIZE ... ZORDER BY (p_event_time) on %d tables: %.1f s%n", tables.size(),
          (System.nanoTime() - started) / 1e9);
      printFiles(spark, tables, "after compaction");
      Timing afterDay = time(spark, lake, "(b) search 1 day, after compaction", day, dayEvents, SearchEngine.AUTO);
      Timing afterDaySpark = time(spark, lake, "(b) search 1 day, after compaction", day, dayEvents,
          SearchEngine.SPARK);
      Timing afterMonth = time(spark, lake, "(d) search all days, after compaction", month, data.events(),
          SearchEngine.AUTO);
      Timing scanAfter = timeScan(spark, tables, "(c) full scan, after compaction", day, data.events());
      timings.addAll(List.of(afterDay, afterDaySpark, afterMonth, scanAfter));

      // Every path must count what the full scan counts (the scan filters the time range on the driver).
      Map<String, Long> dayExpected = scanAfter.counts();
      Map<String, Long> monthExpected = SearchFullScan.run(spark, List.copyOf(tables.values()), month);
      for (Timing t : timings) {
        Map<String, Long> expected = t.query() == day ? dayExpected : monthExpected;
        if (!t.counts().equals(expected)) {
          System.out.printf(Locale.ROOT, "MISMATCH: %s counted %s, expected %s%n", t.name(), t.counts(), expected);
          ok = false;
        }
      }
      System.out.println();
      System.out.printf(Locale.ROOT, "matches per log type, 1 day: %s; all days: %s%n", dayExpected, monthExpected);
      System.out.println("path                                                   median s   rounds (s)               "
          + "events covered/s");
      timings.forEach(Timing::print);
      System.out.println();
      ratio("full scan / search 1 day, after compaction", scanAfter, afterDay, GOAL);
      ratio("full scan / search 1 day --engine spark, after compaction", scanAfter, afterDaySpark, 0);
      if (!afterOnly) {
        ratio("full scan / search 1 day, before compaction", scanBefore, beforeDay, 0);
        ratio("search 1 day: before / after compaction", beforeDay, afterDay, 0);
        ratio("search all days: before / after compaction", beforeMonth, afterMonth, 0);
      }
      ratio("full scan / search all days, after compaction", scanAfter, afterMonth, 0);
      System.out.printf(Locale.ROOT, "load average at the end: %.1f%n", load());

      if (!afterOnly) {
        for (Map.Entry<String, String> table : tables.entrySet()) {
          // Back to the small files, so that --reuse-data measures the same lake again (the old files are still
          // there).
          spark.sql("RESTORE TABLE delta.`" + table.getValue() + "` TO VERSION AS OF " + versions.get(table.getKey()))
              .collectAsList();
        }
      }
      return ok ? 0 : 1;
    } finally {
      spark.stop();
    }
  }

  /** One measured path: its median over the rounds, the engine that ran it and the match counts it returned. */
  record Timing(String name, String engine, IndicatorQuery query, List<Double> seconds, long eventsCovered,
      Map<String, Long> counts) {
    double median() {
      List<Double> sorted = seconds.stream().sorted().toList();
      return sorted.get(sorted.size() / 2);
    }

    void print() {
      System.out.printf(Locale.ROOT, "%-54s %8.2f   %-24s %,14.0f%n", name + " [" + engine + "]", median(),
          seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).toList(), eventsCovered / median());
    }
  }

  private Timing time(SparkSession spark, Lake lake, String name, IndicatorQuery query, long covered,
      SearchEngine engine) {
    String[] ran = new String[1];
    Timing timing = measure(name, query, covered, () -> {
      SearchResult result = IndicatorSearch.run(spark, lake, query, engine);
      ran[0] = engine == SearchEngine.AUTO ? "auto: " + result.engine().option() : result.engine().option();
      Map<String, Long> counts = new TreeMap<>();
      for (LogTypeMatches group : result.logTypes()) {
        counts.put(group.logType(), group.count());
        if (group.matches().size() != Math.min(group.count(), query.limit())) {
          throw new IllegalStateException(name + ": " + group.matches().size() + " rows of " + group.logType()
              + " fetched, expected " + Math.min(group.count(), query.limit()));
        }
      }
      return counts;
    });
    return new Timing(timing.name(), ran[0], query, timing.seconds(), covered, timing.counts());
  }

  private Timing timeScan(SparkSession spark, Map<String, String> tables, String name, IndicatorQuery query,
      long covered) {
    return measure(name, query, covered, () -> SearchFullScan.run(spark, List.copyOf(tables.values()), query));
  }

  /** One untimed warm-up run, then {@code rounds} timed ones. */
  private Timing measure(String name, IndicatorQuery query, long covered, Supplier<Map<String, Long>> run) {
    Map<String, Long> counts = run.get();
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      long started = System.nanoTime();
      counts = run.get();
      seconds.add((System.nanoTime() - started) / 1e9);
    }
    return new Timing(name, "spark", query, seconds, covered, counts);
  }

  private static void ratio(String what, Timing slow, Timing fast, double goal) {
    System.out.printf(Locale.ROOT, "%-50s %6.1fx%s%n", what, slow.median() / fast.median(),
        goal > 0 ? String.format(Locale.ROOT, "  (goal >= %.0fx: %s)", goal,
            slow.median() / fast.median() >= goal ? "met" : "NOT met") : "");
  }

  private static Map<String, String> tables(Lake lake) {
    Map<String, String> tables = new TreeMap<>();
    for (dev.tarn.generate.LogType type : dev.tarn.generate.LogType.values()) {
      tables.put(type.directory(), lake.tablePath(Lake.LOGS_DB, type.directory()));
    }
    return tables;
  }

  private static long version(SparkSession spark, String path) {
    return spark.sql("DESCRIBE HISTORY delta.`" + path + "` LIMIT 1").first().getLong(0);
  }

  private static long files(SparkSession spark, String path) {
    return spark.sql("DESCRIBE DETAIL delta.`" + path + "`").select("numFiles").first().getLong(0);
  }

  private static void printFiles(SparkSession spark, Map<String, String> tables, String when) {
    List<String> parts = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, String> table : tables.entrySet()) {
      Row detail = spark.sql("DESCRIBE DETAIL delta.`" + table.getValue() + "`")
          .select("numFiles", "sizeInBytes").first();
      total += detail.getLong(0);
      parts.add(String.format(Locale.ROOT, "%s %,d (%.0f MB)", table.getKey(), detail.getLong(0),
          detail.getLong(1) / 1048576.0));
    }
    System.out.printf(Locale.ROOT, "data files %s: %,d: %s%n", when, total, String.join(", ", parts));
  }

  private static TimeRange fullRange(SparkSession spark, Map<String, String> tables) {
    Instant from = null;
    Instant to = null;
    for (String path : tables.values()) {
      Row r = spark.read().format("delta").load(path).agg(org.apache.spark.sql.functions.min(
          StandardColumns.EVENT_TIME), org.apache.spark.sql.functions.max(StandardColumns.EVENT_TIME)).first();
      Instant min = ((java.sql.Timestamp) r.get(0)).toInstant();
      Instant max = ((java.sql.Timestamp) r.get(1)).toInstant().plusNanos(1000);
      from = from == null || min.isBefore(from) ? min : from;
      to = to == null || max.isAfter(to) ? max : to;
    }
    return new TimeRange(from, to);
  }

  /** An IP of that day found in the most log tables and, among those, the rarest: a typical pivot in an incident. */
  private static String pickIp(SparkSession spark, Map<String, String> tables, LocalDate day) {
    Dataset<Row> ips = null;
    for (Map.Entry<String, String> table : tables.entrySet()) {
      Dataset<Row> rows = spark.read().format("delta").load(table.getValue());
      if (!Arrays.asList(rows.columns()).contains("p_any_ip_addresses")) {
        continue;
      }
      Dataset<Row> these = rows.where(col(StandardColumns.DATE).equalTo(lit(java.sql.Date.valueOf(day))))
          .select(lit(table.getKey()).as("t"), explode(col("p_any_ip_addresses")).as("ip"));
      ips = ips == null ? these : ips.unionAll(these);
    }
    Row pick = ips.groupBy("ip").agg(countDistinct("t").as("tables"), count(lit(1)).as("n"))
        .orderBy(col("tables").desc(), col("n"), col("ip")).first();
    System.out.printf(Locale.ROOT, "picked %s: in %d table(s), %d events on %s%n", pick.getString(0),
        pick.getLong(1), pick.getLong(2), day);
    return pick.getString(0);
  }

  private static long eventsIn(SparkSession spark, Map<String, String> tables, TimeRange range) {
    long n = 0;
    for (String path : tables.values()) {
      n += spark.read().format("delta").load(path)
          .where(col(StandardColumns.EVENT_TIME).geq(lit(java.sql.Timestamp.from(range.from())))
              .and(col(StandardColumns.EVENT_TIME).lt(lit(java.sql.Timestamp.from(range.to()))))).count();
    }
    return n;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
