package dev.tarn.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.LogType;
import dev.tarn.classify.StandardColumns;
import dev.tarn.config.SourceConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests one micro-batch of landed files of one source: classify and normalize every file once (in parallel, one
 * task per bin of files), then append each log table's rows, the quarantine, the per-file records and the run
 * record. Every write is a Delta idempotent write keyed by (query, table) and batch id, so a batch re-run after a
 * crash writes nothing twice.
 */
public final class MicroBatchIngest {
  private static final Logger LOG = LoggerFactory.getLogger(MicroBatchIngest.class);
  private static final long TARGET_BIN_BYTES = 64L * 1024 * 1024;

  private final SparkSession spark;
  private final LakeTables tables;
  private final SourceConfig source;
  private final String qualifiedLocation;
  private final IngestStats stats;

  public MicroBatchIngest(SparkSession spark, Lake lake, LakeTables tables, SourceConfig source, IngestStats stats) {
    this.spark = spark;
    this.tables = tables;
    this.source = source;
    this.stats = stats;
    try {
      Path location = new Path(source.location());
      this.qualifiedLocation = location.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .makeQualified(location).toString().replaceAll("/+$", "");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot resolve source " + source.id() + " location " + source.location()
          + ": " + e.getMessage(), e);
    }
  }

  public void process(Dataset<Row> batch, long batchId) {
    long started = System.currentTimeMillis();
    String runId = spark.sparkContext().getLocalProperty("sql.streaming.queryId");
    if (runId == null) {
      runId = "batch-" + source.id();
    }
    List<IngestFile> files = new ArrayList<>();
    for (Row row : batch.select("path", "length").collectAsList()) {
      String path = row.getString(0);
      files.add(new IngestFile(path, row.getLong(1), source.id(), source.label(),
          source.candidatesFor(relativeKey(path))));
    }
    if (files.isEmpty()) {
      return;
    }
    TreeSet<String> names = new TreeSet<>();
    files.forEach(f -> names.addAll(f.candidates()));
    IngestLayout layout = new IngestLayout(new ArrayList<>(names));
    List<LogSchema> schemas = new ArrayList<>();
    Map<String, LogType> types = new LinkedHashMap<>();
    for (String name : names) {
      LogSchema schema = LogTypeRegistry.builtin().schema(name);
      schemas.add(schema);
      types.put(name, LogTypeRegistry.compile(schema));
    }

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> hadoop =
        jsc.broadcast(new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    List<List<IngestFile>> bins = bins(files, spark.sparkContext().defaultParallelism());
    JavaRDD<InternalRow> rows =
        jsc.parallelize(bins, bins.size()).mapPartitions(new FileIngestFunction(layout, schemas, hadoop));
    Dataset<Row> parsed = spark.internalCreateDataFrame(rows.rdd(), layout.sparkType(types), false);
    parsed.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String fileColumn = IngestLayout.column(layout.fileKind());
      Dataset<Row> fileRows = parsed.filter(col("kind").equalTo(layout.fileKind())).select(col(fileColumn + ".*"));
      List<Row> summaries = fileRows.collectAsList();
      BatchTotals totals = BatchTotals.of(summaries);

      for (String name : names) {
        if (totals.events().getOrDefault(name, 0L) == 0) {
          continue;
        }
        LogType type = types.get(name);
        int kind = layout.tableKind(name);
        tables.ensure(Lake.LOGS_DB, type.tableName(), type.tableType(), StandardColumns.DATE);
        append(parsed.filter(col("kind").equalTo(kind)).select(col(IngestLayout.column(kind) + ".*")),
            Lake.LOGS_DB, type.tableName(), runId, batchId, StandardColumns.DATE);
      }
      if (totals.quarantined() > 0) {
        tables.ensure(Lake.SYSTEM_DB, SystemTables.QUARANTINE, SystemTables.QUARANTINE_TYPE, "p_date");
        append(parsed.filter(col("kind").equalTo(layout.quarantineKind()))
                .select(col(IngestLayout.column(layout.quarantineKind()) + ".*")),
            Lake.SYSTEM_DB, SystemTables.QUARANTINE, runId, batchId, "p_date");
      }
      tables.ensure(Lake.SYSTEM_DB, SystemTables.INGEST_FILES, SystemTables.INGEST_FILES_TABLE_TYPE, "source_id");
      append(spark.createDataFrame(summaries, SystemTables.INGEST_FILE_TYPE)
              .withColumn("run_id", lit(runId)).withColumn("batch_id", lit(batchId)),
          Lake.SYSTEM_DB, SystemTables.INGEST_FILES, runId, batchId, "source_id");

      long finished = System.currentTimeMillis();
      Row run = RowFactory.create("ingest", runId, source.id(), batchId, new Timestamp(started),
          new Timestamp(finished), finished - started, totals.fileErrors() == 0 ? "succeeded" : "succeeded_with_errors",
          (long) files.size(), totals.bytes(), totals.events(), Map.of(source.id(), totals.quarantined()),
          totals.fileErrors(), null);
      tables.ensure(Lake.SYSTEM_DB, SystemTables.JOB_RUNS, SystemTables.JOB_RUNS_TYPE, "job");
      append(spark.createDataFrame(List.of(run), SystemTables.JOB_RUNS_TYPE), Lake.SYSTEM_DB, SystemTables.JOB_RUNS,
          runId, batchId, "job");
      stats.add(source.id(), totals);
      LOG.info("Ingested batch {} of source {}: {} files, {} bytes, events {}, {} lines quarantined, {} ms", batchId,
          source.id(), files.size(), totals.bytes(), totals.events(), totals.quarantined(), finished - started);
    } finally {
      parsed.unpersist(false);
      hadoop.destroy();
    }
  }

  private void append(Dataset<Row> rows, String database, String table, String runId, long batchId,
      String partitionColumn) {
    rows.write().format("delta").mode("append")
        .option("txnAppId", runId + "/" + database + "." + table)
        .option("txnVersion", batchId)
        .option("mergeSchema", "true")
        .partitionBy(partitionColumn)
        .save(tables.path(database, table));
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
