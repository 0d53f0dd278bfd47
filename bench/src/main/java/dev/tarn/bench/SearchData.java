package dev.tarn.bench;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.generate.ByteSize;
import dev.tarn.generate.GenerationReport;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import dev.tarn.ingest.BatchTotals;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/**
 * The search benchmark's lake: every log type the generator writes, spread over {@code days} days, ingested by Tarn's
 * IngestJob (one source per log type) into {@code <root>/lake}. Continuous ingest writes one small file per table and
 * date partition every trigger; to get that many small files without running thousands of micro-batches, ingest runs
 * with {@code spark.sql.files.maxRecordsPerFile} set, so no data file holds more than {@code rowsPerFile} rows, and in
 * several micro-batches ({@code maxFilesPerTrigger}). A properties file written last records what was prepared.
 *
 * @param lake the bench lake
 * @param events rows ingested over all tables
 * @param reused whether an earlier run's lake was kept
 */
record SearchData(Lake lake, long events, boolean reused) {
  private static final String MANIFEST = "prepared.properties";

  SearchData {
    requireNonNull(lake, "lake is null");
  }

  static SearchData prepare(SparkSession spark, Path root, int days, long cloudTrailEvents, long eventsPerType,
      int filesPerDay, int rowsPerFile, long seed, boolean reuse) throws Exception {
    Path manifest = root.resolve(MANIFEST);
    Properties wanted = new Properties();
    wanted.setProperty("days", Integer.toString(days));
    wanted.setProperty("cloudTrailEvents", Long.toString(cloudTrailEvents));
    wanted.setProperty("eventsPerType", Long.toString(eventsPerType));
    wanted.setProperty("filesPerDay", Integer.toString(filesPerDay));
    wanted.setProperty("rowsPerFile", Integer.toString(rowsPerFile));
    wanted.setProperty("seed", Long.toString(seed));
    Lake lake = new Lake(root.resolve("lake").toAbsolutePath().toString());
    if (reuse && Files.exists(manifest)) {
      Properties found = new Properties();
      try (InputStream in = Files.newInputStream(manifest)) {
        found.load(in);
      }
      if (wanted.keySet().stream().allMatch(k -> wanted.get(k).equals(found.get(k)))) {
        return new SearchData(lake, Long.parseLong(found.getProperty("events")), true);
      }
      System.out.printf(Locale.ROOT, "data under %s was prepared with %s, not %s: preparing again%n", root, found,
          wanted);
    }
    Directories.delete(root);
    long started = System.nanoTime();
    Path landing = root.resolve("landing").toAbsolutePath();
    GenerationReport report = new LogGenerator(GeneratorOptions.builder()
        .seed(seed)
        .eventsPerType(eventsPerType)
        .events(LogType.CLOUDTRAIL, cloudTrailEvents)
        .filesPerType(days * filesPerDay)
        .duration(Duration.ofDays(days))
        .gzip(true)
        .build()).write(landing);
    System.out.printf(Locale.ROOT, "  generated %,d events of %d log types over %d days in %d files (%s) in %.0f s%n",
        report.totalEvents(), LogType.values().length, days, report.files().size(), ByteSize.format(report.bytes()),
        (System.nanoTime() - started) / 1e9);

    started = System.nanoTime();
    List<SourceConfig> sources = new ArrayList<>();
    for (LogType type : LogType.values()) {
      String location = landing.resolve(type.directory()).toString();
      sources.add(new SourceConfig("bench-" + type.shortName(), "bench " + type.pantherName(), location,
          List.of(type.pantherName()), Map.of()));
    }
    spark.sql("DROP DATABASE IF EXISTS `" + Lake.LOGS_DB + "` CASCADE");
    spark.sql("DROP DATABASE IF EXISTS `" + Lake.SYSTEM_DB + "` CASCADE");
    spark.conf().set("spark.sql.files.maxRecordsPerFile", rowsPerFile);
    BatchTotals total;
    try {
      // Four micro-batches per source: as continuous ingest does, each batch adds files to partitions that already
      // have some.
      int perTrigger = Math.max(1, days * filesPerDay / 4);
      total = new IngestJob(spark, new TarnConfig(lake.root(), landing.toString(), sources, Duration.ofMinutes(1),
          perTrigger)).runOnce().total();
    } finally {
      spark.conf().unset("spark.sql.files.maxRecordsPerFile");
    }
    if (total.quarantined() > 0 || total.fileErrors() > 0) {
      throw new IllegalStateException("Tarn quarantined " + total.quarantined() + " lines and could not read "
          + total.fileErrors() + " files of generated logs (expected none): see tarn_system.quarantine in "
          + lake.root());
    }
    long events = total.events().values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(Locale.ROOT, "  ingested %,d events with Tarn's IngestJob in %.0f s: %s%n", events,
        (System.nanoTime() - started) / 1e9, total.events());
    Directories.delete(landing);
    Properties done = new Properties();
    done.putAll(wanted);
    done.setProperty("events", Long.toString(events));
    try (OutputStream out = Files.newOutputStream(manifest)) {
      done.store(out, "written by " + SearchBenchmark.class.getName() + " after the lake was complete");
    }
    return new SearchData(lake, events, false);
  }
}
