package dev.tarn.ingest;

import dev.tarn.lake.JobRun;
import dev.tarn.lake.SystemTables;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.LogType;
import dev.tarn.classify.StandardColumns;
import dev.tarn.config.SourceConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one micro-batch of landed files of one source: classify and normalize every file once (in parallel, one
 * task per bin of files), append each log table's rows, then the quarantine, the per-file records and the run
 * record. Files are grouped by their candidate log types: a group with one candidate streams straight into its
 * table, a group with several is parsed once into a cached wide layout and sliced per table. A streaming batch
 * writes with Delta idempotent appends keyed by (query, table, group) and batch id, so a batch re-run after a crash
 * writes nothing twice; backfill runs batches of its own through {@link #ingest}, and re-ingests files by inserting
 * only absent rows ({@link WriteMode#REINGEST}).
 */
public final class MicroBatchIngest {
  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchIngest.class);
  private static final long TARGET_BIN_BYTES = 64L * 1024 * 1024;
  /** Columns of log tables whose min/max Delta keeps for file skipping (time ranges, per-source queries). */
  public static final List<String> STATS_COLUMNS = List.of(StandardColumns.EVENT_TIME, StandardColumns.PARSE_TIME,
      StandardColumns.LOG_TYPE, StandardColumns.SOURCE_ID);

  private final SparkSession spark;
  private final Lake lake;
  private final LakeTables tables;
  private final SourceConfig source;
  private final String qualifiedLocation;
  private final IngestStats stats;
  private final Supplier<LogTypeRegistry> registries;
  private final LakeWrites writes;

  /**
   * @param registries the log types to parse with, read again for every batch so that user-defined types added
   *     or updated while the job runs take effect at the next batch
   */
  public MicroBatchIngest(SparkSession spark, Lake lake, LakeTables tables, SourceConfig source, IngestStats stats,
      Supplier<LogTypeRegistry> registries) {
    this.spark = spark;
    this.lake = lake;
    this.tables = tables;
    this.source = source;
    this.stats = stats;
    this.registries = registries;
    this.writes = new LakeWrites(spark, tables);
    try {
      Path location = new Path(source.location());
      this.qualifiedLocation = location.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(location).toString().replaceAll("/+$", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot resolve source " + source.id() + " location " + source.location()
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * Ingests one streaming micro-batch: Delta idempotent appends keyed by the query id and batch id, and a run
   * record. Files a backfill of this source already ingested are left out.
   */
  public void process(Dataset<Row> batch, long batchId) {
    String runId = spark.sparkContext().getLocalProperty("sql.streaming.queryId");
    if (runId == null) {
      runId = "batch-" + source.id();
    }
    List<IngestFile> files = files(batch);
    if (backfillRan()) {
      Set<String> backfilled = new IngestedFiles(spark, tables)
          .backfilled(source.id(), files.stream().map(IngestFile::path).toList());
      if (!backfilled.isEmpty()) {
        LOG.info("Batch {} of source {}: {} files already ingested by backfill, left out", batchId, source.id(),
            backfilled.size());
        files.removeIf(f -> backfilled.contains(f.path()));
      }
    }
    ingest(files, runId, batchId, WriteMode.APPEND, lake.root() + "/_staging/ingest/" + source.id() + "/" + batchId,
        true);
  }

  /**
   * Ingests the files of {@code batch} (columns {@code path}, {@code length}) as one batch of a batch job such as
   * backfill, which records its own run. With {@link WriteMode#APPEND} the writes are idempotent per (runId,
   * batchId); with {@link WriteMode#REINGEST} rows already in the tables are not written again and the files'
   * bookkeeping rows are replaced.
   */
  public BatchTotals ingest(Dataset<Row> batch, String runId, long batchId, WriteMode mode) {
    return ingest(files(batch), runId, batchId, mode,
        lake.root() + "/_staging/" + runId + "/" + source.id() + "/" + batchId, false);
  }

  /** How a batch writes its rows. */
  public enum WriteMode {
    /** Delta idempotent appends keyed by run id and batch id (streaming ingest, first ingest of files). */
    APPEND,
    /** Insert rows whose p_row_id is absent; replace the files' quarantine and ingest_files rows. */
    REINGEST
  }

  private List<IngestFile> files(Dataset<Row> batch) {
    List<IngestFile> files = new ArrayList<>();
    for (Row row : batch.select("path", "length").collectAsList()) {
      String path = row.getString(0);
      files.add(new IngestFile(path, row.getLong(1), source.id(), source.label(),
          source.candidatesFor(relativeKey(path))));
    }
    return files;
  }

  private boolean backfillRan() {
    Path dir = new Path(IngestedFiles.backfillDirectory(lake, source.id()));
    try {
      return dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + dir, e);
    }
  }

  private BatchTotals ingest(List<IngestFile> files, String runId, long batchId, WriteMode mode, String staging,
      boolean recordRun) {
    long started = System.currentTimeMillis();
    if (files.isEmpty()) {
      return BatchTotals.EMPTY;
    }
    Map<String, List<IngestFile>> groups = new TreeMap<>();
    for (IngestFile f : files) {
      groups.computeIfAbsent(String.join(",", f.candidates()), k -> new ArrayList<>()).add(f);
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Broadcast<SerializableConfiguration> hadoop =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(new SerializableConfiguration(conf));
    BatchOutput output = new BatchOutput(runId, batchId, mode);
    LogTypeRegistry registry = registries.get();
    try {
      if (mode == WriteMode.REINGEST) {
        // Nothing is skipped as already committed here, so side files of an earlier attempt are stale.
        SideFiles.delete(conf, staging);
      }
      int index = 0;
      for (Map.Entry<String, List<IngestFile>> group : groups.entrySet()) {
        List<String> candidates = group.getValue().get(0).candidates();
        String passId = runId + "/" + group.getKey();
        if (candidates.size() == 1) {
          ingestDirect(registry.schema(candidates.get(0)), group.getValue(), hadoop, passId,
              staging + "/" + index++, output);
        } else {
          ingestByLayout(registry, candidates, group.getValue(), hadoop, passId, output);
        }
      }
      BatchTotals totals = BatchTotals.of(output.summaries);
      List<String> paths = files.stream().map(IngestFile::path).toList();
      if (totals.quarantined() > 0 || mode == WriteMode.REINGEST) {
        tables.ensure(Lake.SYSTEM_DB, SystemTables.QUARANTINE, SystemTables.QUARANTINE_TYPE, "p_date");
        Dataset<Row> quarantine = output.quarantine.stream().reduce(Dataset::unionByName)
            .orElseGet(() -> spark.createDataFrame(List.of(), SystemTables.QUARANTINE_TYPE));
        bookkeeping(quarantine, SystemTables.QUARANTINE, "p_date", output, paths);
      }
      tables.ensure(Lake.SYSTEM_DB, SystemTables.INGEST_FILES, SystemTables.INGEST_FILES_TABLE_TYPE, "source_id");
      bookkeeping(spark.createDataFrame(output.summaries, SystemTables.INGEST_FILE_TYPE)
              .withColumn("run_id", lit(runId)).withColumn("batch_id", lit(batchId)),
          SystemTables.INGEST_FILES, "source_id", output, paths);

      long finished = System.currentTimeMillis();
      if (recordRun) {
        JobRun run = new JobRun("ingest", runId, source.id(), batchId, Instant.ofEpochMilli(started),
            Instant.ofEpochMilli(finished),
            totals.fileErrors() == 0 ? JobRun.SUCCEEDED : JobRun.SUCCEEDED_WITH_ERRORS,
            (long) files.size(), totals.bytes(), totals.events(), Map.of(source.id(), totals.quarantined()),
            totals.fileErrors(), null, null);
        tables.ensure(Lake.SYSTEM_DB, SystemTables.JOB_RUNS, SystemTables.JOB_RUNS_TYPE, "job");
        // Idempotent like the batch's other writes: a re-run batch records its run once.
        writes.appendOnce(spark.createDataFrame(List.of(run.toRow()), SystemTables.JOB_RUNS_TYPE), Lake.SYSTEM_DB,
            SystemTables.JOB_RUNS, runId, batchId, "job");
      }
      stats.add(totals);
      LOG.info("Ingested batch {} of source {}: {} files, {} bytes, events {}, {} lines quarantined, {} ms", batchId,
          source.id(), files.size(), totals.bytes(), totals.events(), totals.quarantined(), finished - started);
      SideFiles.delete(conf, staging);
      return totals;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean up ingest staging " + staging, e);
    } finally {
      output.cached.forEach(d -> d.unpersist(false));
      hadoop.destroy();
    }
  }

  private void bookkeeping(Dataset<Row> rows, String table, String partitionColumn, BatchOutput output,
      List<String> files) {
    if (output.mode == WriteMode.APPEND) {
      writes.appendOnce(rows, Lake.SYSTEM_DB, table, output.runId, output.batchId, partitionColumn);
    } else {
      writes.replaceFileRows(rows, Lake.SYSTEM_DB, table, partitionColumn, source.id(), files);
    }
  }

  /** Writes one pass's rows of a log table; REINGEST rows must be cached (they are read twice). */
  private void writeTable(Dataset<Row> rows, LogType type, String passId, BatchOutput output) {
    if (output.mode == WriteMode.APPEND) {
      writes.appendOnce(rows, Lake.LOGS_DB, type.tableName(), passId, output.batchId, StandardColumns.DATE);
    } else {
      writes.insertAbsent(rows, Lake.LOGS_DB, type.tableName());
    }
  }

  /** What the passes of one batch produced for the bookkeeping tables. */
  private static final class BatchOutput {
    final String runId;
    final long batchId;
    final WriteMode mode;
    final List<Row> summaries = new ArrayList<>();
    final List<Dataset<Row>> quarantine = new ArrayList<>();
    final List<Dataset<Row>> cached = new ArrayList<>();

    BatchOutput(String runId, long batchId, WriteMode mode) {
      this.runId = runId;
      this.batchId = batchId;
      this.mode = mode;
    }
  }

  /**
   * Files with a single candidate log type: parsed once, straight into the table's Delta write; quarantine rows
   * and file summaries come back through side files. No caching, so memory stays flat whatever the batch size.
   */
  private void ingestDirect(LogSchema schema, List<IngestFile> files, Broadcast<SerializableConfiguration> hadoop,
      String passId, String sideDir, BatchOutput output) {
    LogType type = LogTypeRegistry.compile(schema);
    IngestLayout layout = new IngestLayout(List.of(schema.name()));
    List<List<IngestFile>> bins = bins(files, spark.sparkContext().defaultParallelism());
    JavaRDD<InternalRow> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(bins, bins.size())
        .mapPartitions(new FileIngestFunction(layout, List.of(schema), hadoop, sideDir));
    tables.ensure(Lake.LOGS_DB, type.tableName(), type.tableType(), StandardColumns.DATE, STATS_COLUMNS);
    Dataset<Row> table = spark.internalCreateDataFrame(rows.rdd(), type.tableType(), false);
    if (output.mode == WriteMode.REINGEST) {
      table.persist(StorageLevel.MEMORY_AND_DISK());
      output.cached.add(table);
    }
    writeTable(table, type, passId, output);
    // After a crash the table write may have been skipped as already committed; its side files are then the
    // ones the committed pass wrote (they are deleted only once the whole batch is recorded).
    if (!exists(hadoop.value().value(), sideDir)) {
      return;
    }
    Dataset<Row> side = SideFiles.read(spark, sideDir);
    output.summaries.addAll(side.filter(col(SideFiles.FILE).isNotNull()).select(SideFiles.FILE + ".*")
        .collectAsList());
    output.quarantine.add(side.filter(col(SideFiles.QUARANTINE).isNotNull()).select(SideFiles.QUARANTINE + ".*"));
  }

  /**
   * Files with several (or no) candidate types: parsed once into wide layout rows, cached, and sliced per table.
   */
  private void ingestByLayout(LogTypeRegistry registry, List<String> candidates, List<IngestFile> files,
      Broadcast<SerializableConfiguration> hadoop, String passId, BatchOutput output) {
    IngestLayout layout = new IngestLayout(candidates);
    List<LogSchema> schemas = new ArrayList<>();
    Map<String, LogType> types = new LinkedHashMap<>();
    for (String name : candidates) {
      LogSchema schema = registry.schema(name);
      schemas.add(schema);
      types.put(name, LogTypeRegistry.compile(schema));
    }
    List<List<IngestFile>> bins = bins(files, spark.sparkContext().defaultParallelism());
    JavaRDD<InternalRow> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(bins, bins.size())
        .mapPartitions(new FileIngestFunction(layout, schemas, hadoop, null));
    Dataset<Row> parsed = spark.internalCreateDataFrame(rows.rdd(), layout.sparkType(types), false);
    parsed.persist(StorageLevel.MEMORY_AND_DISK());
    output.cached.add(parsed);
    List<Row> summaries = parsed.filter(col("kind").equalTo(layout.fileKind()))
        .select(col(IngestLayout.column(layout.fileKind()) + ".*")).collectAsList();
    output.summaries.addAll(summaries);
    BatchTotals totals = BatchTotals.of(summaries);
    for (String name : candidates) {
      if (totals.events().getOrDefault(name, 0L) == 0) {
        continue;
      }
      LogType type = types.get(name);
      int kind = layout.tableKind(name);
      tables.ensure(Lake.LOGS_DB, type.tableName(), type.tableType(), StandardColumns.DATE, STATS_COLUMNS);
      writeTable(parsed.filter(col("kind").equalTo(kind)).select(col(IngestLayout.column(kind) + ".*")), type,
          passId, output);
    }
    output.quarantine.add(parsed.filter(col("kind").equalTo(layout.quarantineKind()))
        .select(col(IngestLayout.column(layout.quarantineKind()) + ".*")));
  }

  private static boolean exists(Configuration conf, String dir) {
    try {
      Path path = new Path(dir);
      return path.getFileSystem(conf).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String relativeKey(String path) {
    String qualified = path.replaceAll("^file:///", "file:/");
    if (qualified.startsWith(qualifiedLocation + "/")) {
      return qualified.substring(qualifiedLocation.length() + 1);
    }
    return new Path(path).getName();
  }

  /** Groups files into bins of about TARGET_BIN_BYTES, at least as many bins as cores when there are enough files. */
  static List<List<IngestFile>> bins(List<IngestFile> files, int parallelism) {
    long total = files.stream().mapToLong(IngestFile::length).sum();
    int count = (int) Math.min(files.size(), Math.max(parallelism, total / TARGET_BIN_BYTES + 1));
    List<List<IngestFile>> bins = new ArrayList<>();
    long[] sizes = new long[count];
    for (int i = 0; i < count; i++) {
      bins.add(new ArrayList<>());
    }
    List<IngestFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(IngestFile::length).reversed().thenComparing(IngestFile::path));
    for (IngestFile f : sorted) {
      int smallest = 0;
      for (int i = 1; i < count; i++) {
        if (sizes[i] < sizes[smallest]) {
          smallest = i;
        }
      }
      bins.get(smallest).add(f);
      sizes[smallest] += f.length();
    }
    bins.removeIf(List::isEmpty);
    return bins;
  }

}
