package dev.tarn.ingest;

import static java.util.Objects.requireNonNull;

import dev.tarn.config.ConfigException;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.logtypes.LogTypeStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The ingest job: one Structured Streaming query per source over its landing location. The file source's checkpoint
 * tracks which files were taken; each micro-batch is ingested by {@link MicroBatchIngest} with idempotent Delta
 * writes, so killing and restarting the job at any point neither loses nor duplicates rows.
 */
public final class IngestJob {
  /** The binaryFile source's fixed schema; only path and length are read (content is never loaded). */
  private static final StructType BINARY_FILE_SCHEMA = new StructType()
      .add("path", DataTypes.StringType, false)
      .add("modificationTime", DataTypes.TimestampType, false)
      .add("length", DataTypes.LongType, false)
      .add("content", DataTypes.BinaryType, true);

  private final SparkSession spark;
  private final TarnConfig config;
  private final Lake lake;
  private final IngestStats stats = new IngestStats();

  public IngestJob(SparkSession spark, TarnConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.lake = new Lake(config.lakeUri());
  }

  /**
   * Starts one query per source. With {@code once}, each processes what has landed (AvailableNow) and stops;
   * otherwise they run on the configured processing-time trigger until stopped.
   */
  public List<StreamingQuery> start(boolean once) throws TimeoutException {
    LakeTables tables = new LakeTables(spark, lake);
    LogTypeStore store = new LogTypeStore(lake.root(), spark.sparkContext().hadoopConfiguration());
    checkLogTypes(store.registry());
    List<StreamingQuery> queries = new ArrayList<>();
    for (SourceConfig source : config.sources()) {
      ensureLocation(source);
      MicroBatchIngest ingest = new MicroBatchIngest(spark, lake, tables, source, stats, store::registry);
      Dataset<Row> files = spark.readStream().format("binaryFile").schema(BINARY_FILE_SCHEMA)
          .option("recursiveFileLookup", "true")
          .option("maxFilesPerTrigger", config.maxFilesPerTrigger())
          .load(source.location())
          .select("path", "length");
      queries.add(files.writeStream()
          .queryName("ingest-" + source.id())
          .option("checkpointLocation", lake.checkpoint("ingest/" + source.id()))
          .trigger(once ? Trigger.AvailableNow() : Trigger.ProcessingTime(config.ingestTrigger().toMillis()))
          .foreachBatch((VoidFunction2<Dataset<Row>, Long>) ingest::process)
          .start());
    }
    return queries;
  }

  /** Every log type a source names must exist (custom ones are only known once the lake is open). */
  private void checkLogTypes(LogTypeRegistry registry) {
    config.sources().forEach(source -> checkLogTypes(source, registry));
  }

  /** Every log type {@code source} names must be in {@code registry}; backfill checks its one source the same way. */
  public static void checkLogTypes(SourceConfig source, LogTypeRegistry registry) {
    List<String> names = new ArrayList<>(source.logTypes());
    source.prefixLogTypes().values().forEach(names::addAll);
    for (String name : names) {
      if (registry.find(name).isEmpty()) {
        throw new ConfigException("source " + source.id() + ": unknown log type '" + name
            + "' (custom log types must be added first: tarn logtypes add FILE.yml)");
      }
    }
  }

  /** Spark's file source refuses a location that does not exist yet; an empty landing zone is normal. */
  private void ensureLocation(SourceConfig source) {
    Path location = new Path(source.location());
    try {
      FileSystem fs = location.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(location)) {
        fs.mkdirs(location);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach source " + source.id() + " at " + source.location() + ": "
          + e.getMessage() + " (check the location and its credentials)", e);
    }
  }

  /** Runs every source to completion (AvailableNow) and returns what was ingested. */
  public IngestStats runOnce() throws TimeoutException, StreamingQueryException {
    for (StreamingQuery query : start(true)) {
      query.awaitTermination();
    }
    return stats;
  }

  public IngestStats stats() {
    return stats;
  }

  public Lake lake() {
    return lake;
  }
}
