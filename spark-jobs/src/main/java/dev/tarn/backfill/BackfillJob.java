package dev.tarn.backfill;

import static java.util.Objects.requireNonNull;

import dev.tarn.cli.UserException;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.BatchTotals;
import dev.tarn.ingest.IngestJob;
import dev.tarn.ingest.IngestStats;
import dev.tarn.ingest.IngestedFiles;
import dev.tarn.ingest.MicroBatchIngest;
import dev.tarn.ingest.MicroBatchIngest.WriteMode;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logtypes.LogTypeStore;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ingests files that already exist under a prefix of a source's location (Panther's s3queue, without the queue):
 * lists them, keeps those in the time range, leaves out those already ingested (unless forced) and ingests the rest
 * in chunks through the streaming ingest's own batch code, so rows are identical to what streaming ingest writes.
 *
 * <p>Duplicates are impossible by construction: a file's rows have deterministic {@code p_row_id}s, a file not yet
 * recorded is appended once per chunk (Delta idempotent write keyed by the chunk's content), and a file that is
 * forced, or whose chunk an earlier run left unfinished ({@link InFlightChunks}), is re-ingested by inserting only
 * the rows whose id is absent and replacing its quarantine and ingest_files rows.
 */
public final class BackfillJob {
  private static final StructType FILES = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("length", DataTypes.LongType, false);
  /** With --rate, a chunk holds about this many seconds of files: few enough commits, frequent progress. */
  private static final int CHUNK_SECONDS = 10;

  private final SparkSession spark;
  private final TarnConfig config;
  private final Lake lake;
  private final PrintStream out;
  private final boolean terminal;

  /**
   * @param out where progress and the summary go
   * @param terminal whether {@code out} is a terminal (the progress line is then redrawn in place)
   */
  public BackfillJob(SparkSession spark, TarnConfig config, PrintStream out, boolean terminal) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.lake = new Lake(config.lakeUri());
    this.out = requireNonNull(out, "out is null");
    this.terminal = terminal;
  }

  public BackfillResult run(BackfillOptions options) {
    SourceConfig source = source(options.sourceId());
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    LogTypeStore store = new LogTypeStore(lake.root(), hadoop);
    IngestJob.checkLogTypes(source, store.registry());
    SourceListing listing = new SourceListing(source, hadoop);
    String prefix = listing.resolve(options.prefix());
    List<BackfillFile> listed = listing.list(prefix);
    List<BackfillFile> selected = listed.stream()
        .filter(f -> f.time().overlaps(options.from(), options.to())).toList();
    LakeTables tables = new LakeTables(spark, lake);
    Set<String> recorded = new IngestedFiles(spark, tables).under(source.id(), prefix);
    InFlightChunks inFlight = new InFlightChunks(lake, source.id(), hadoop);
    Set<String> unfinished = inFlight.unfinished();

    List<BackfillFile> reingest = new ArrayList<>();
    List<BackfillFile> fresh = new ArrayList<>();
    long skipped = 0;
    for (BackfillFile f : selected) {
      boolean done = recorded.contains(f.path());
      if (options.force() || (!done && unfinished.contains(f.path()))) {
        reingest.add(f);
      } else if (done) {
        skipped++;
      } else {
        fresh.add(f);
      }
    }
    out.printf("backfill of source %s under %s: %d files listed, %d in range, %d already ingested (skipped), "
            + "%d to ingest%s%n", source.id(), prefix, listed.size(), selected.size(), skipped,
        reingest.size() + fresh.size(), reingest.isEmpty() ? "" : " (" + reingest.size() + " again, no duplicates)");
    if (options.dryRun()) {
      long bytes = 0;
      for (BackfillFile f : reingest) {
        out.println("  would re-ingest " + f.path());
        bytes += f.length();
      }
      for (BackfillFile f : fresh) {
        out.println("  would ingest " + f.path());
        bytes += f.length();
      }
      return new BackfillResult(listed.size(), selected.size(), skipped, reingest.size() + fresh.size(),
          reingest.size(), bytes, 0, Map.of(), 0, 0, true);
    }

    Instant started = Instant.now();
    String runId = IngestedFiles.BACKFILL_RUN_PREFIX + source.id() + "-" + started.toEpochMilli();
    Run run = new Run(reingest.size() + fresh.size());
    try {
      inFlight.create();
      MicroBatchIngest ingest = new MicroBatchIngest(spark, lake, tables, source, new IngestStats(), store::registry);
      int chunkSize = chunkSize(options.filesPerSecond());
      for (List<BackfillFile> chunk : chunks(reingest, chunkSize)) {
        run.chunk(ingest, inFlight, source, chunk, WriteMode.REINGEST, options.filesPerSecond());
      }
      for (List<BackfillFile> chunk : chunks(fresh, chunkSize)) {
        run.chunk(ingest, inFlight, source, chunk, WriteMode.APPEND, options.filesPerSecond());
      }
      run.progress.finish();
      Set<String> done = new HashSet<>(recorded);
      selected.forEach(f -> done.add(f.path()));
      inFlight.forgetFinished(done);
    } catch (RuntimeException e) {
      run.progress.finish();
      try {
        record(tables, runId, source, started, JobRun.FAILED, run, skipped, String.valueOf(e.getMessage()));
      } catch (RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
    BackfillTotals totals = run.totals;
    BackfillResult result = new BackfillResult(listed.size(), selected.size(), skipped, totals.files(),
        reingest.size(), totals.bytes(), run.chunks, totals.events(), totals.quarantined(), totals.fileErrors(),
        false);
    String status = totals.fileErrors() == 0 ? JobRun.SUCCEEDED : JobRun.SUCCEEDED_WITH_ERRORS;
    record(tables, runId, source, started, status, run, skipped, summary(result));
    printSummary(source, result);
    return result;
  }

  /** Totals of the chunks written so far. */
  private record BackfillTotals(long files, long bytes, Map<String, Long> events, long quarantined,
      long fileErrors) {
    BackfillTotals plus(BatchTotals b) {
      Map<String, Long> sum = new TreeMap<>(events);
      b.events().forEach((k, v) -> sum.merge(k, v, Long::sum));
      return new BackfillTotals(files + b.files(), bytes + b.bytes(), sum, quarantined + b.quarantined(),
          fileErrors + b.fileErrors());
    }

    long totalEvents() {
      return events.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The state of one run: chunks written, totals, progress and pace. */
  private final class Run {
    final Progress progress;
    final long startedNanos = System.nanoTime();
    BackfillTotals totals = new BackfillTotals(0, 0, Map.of(), 0, 0);
    long filesDone;
    int chunks;

    Run(long totalFiles) {
      this.progress = new Progress(out, terminal, totalFiles);
    }

    void chunk(MicroBatchIngest ingest, InFlightChunks inFlight, SourceConfig source, List<BackfillFile> files,
        WriteMode mode, Double filesPerSecond) {
      List<String> paths = files.stream().map(BackfillFile::path).toList();
      String chunkId = chunkId(source.id(), mode, paths);
      List<Row> rows = files.stream().map(f -> RowFactory.create(f.path(), f.length())).toList();
      inFlight.begin(chunkId, paths);
      // Batch id 0: the chunk id already names the content, and Delta's idempotent writes key on (id, version).
      BatchTotals written = ingest.ingest(spark.createDataFrame(rows, FILES), chunkId, 0, mode);
      inFlight.end(chunkId);
      totals = totals.plus(written);
      filesDone += files.size();
      chunks++;
      progress.update(filesDone, totals.totalEvents());
      pace(filesPerSecond);
    }

    /** Sleeps until the files done so far took at least the time the rate allows. */
    private void pace(Double filesPerSecond) {
      if (filesPerSecond == null) {
        return;
      }
      long dueNanos = startedNanos + (long) (filesDone / filesPerSecond * 1e9);
      long waitMillis = (dueNanos - System.nanoTime()) / 1_000_000;
      if (waitMillis > 0) {
        try {
          Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("backfill interrupted", e);
        }
      }
    }
  }

  private int chunkSize(Double filesPerSecond) {
    int max = Math.max(1, config.maxFilesPerTrigger());
    if (filesPerSecond == null) {
      return max;
    }
    return (int) Math.max(1, Math.min(max, Math.ceil(filesPerSecond * CHUNK_SECONDS)));
  }

  static List<List<BackfillFile>> chunks(List<BackfillFile> files, int size) {
    List<List<BackfillFile>> chunks = new ArrayList<>();
    for (int i = 0; i < files.size(); i += size) {
      chunks.add(List.copyOf(files.subList(i, Math.min(files.size(), i + size))));
    }
    return chunks;
  }

  /** Names a chunk by its content: the same files in the same mode are the same chunk. */
  static String chunkId(String sourceId, WriteMode mode, List<String> paths) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((sourceId + "\n" + mode + "\n" + String.join("\n", paths)).getBytes(StandardCharsets.UTF_8));
      return IngestedFiles.BACKFILL_RUN_PREFIX + HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the JDK", e);
    }
  }

  private SourceConfig source(String id) {
    return config.sources().stream().filter(s -> s.id().equals(id)).findFirst()
        .orElseThrow(() -> new UserException("unknown source '" + id + "'; configured sources: "
            + (config.sources().isEmpty() ? "(none)"
                : config.sources().stream().map(SourceConfig::id).collect(Collectors.joining(", ")))
            + " (sources are configured in tarn.yaml under 'sources')"));
  }

  private void record(LakeTables tables, String runId, SourceConfig source, Instant started, String status, Run run,
      long skipped, String message) {
    BackfillTotals t = run.totals;
    Map<String, Long> metrics = Map.of("files", t.files(), "skipped", skipped, "events", t.totalEvents(),
        "quarantined", t.quarantined(), "chunks", (long) run.chunks);
    JobRuns.append(spark, tables, new JobRun("backfill", runId, source.id(), null, started, Instant.now(), status,
        t.files(), t.bytes(), t.events(), Map.of(source.id(), t.quarantined()), t.fileErrors(), message, metrics));
  }

  private static String summary(BackfillResult r) {
    return String.format("ingested %d files (%d bytes) in %d chunks: %d events, %d lines quarantined, "
            + "%d unreadable files; skipped %d files already ingested", r.ingested(), r.bytes(), r.chunks(),
        r.totalEvents(), r.quarantined(), r.fileErrors(), r.skipped());
  }

  private void printSummary(SourceConfig source, BackfillResult r) {
    out.println("backfill of source " + source.id() + " done: " + summary(r));
    new TreeMap<>(r.events()).forEach((type, n) -> out.printf("  %-24s %,d events%n", type, n));
  }
}
