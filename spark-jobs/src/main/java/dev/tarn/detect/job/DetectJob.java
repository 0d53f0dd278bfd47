package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.StandardColumns;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.PackLoader;
import dev.tarn.detect.python.LoadResult;
import dev.tarn.detect.python.RuleRuntime;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.logtypes.LogTypeStore;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detect job: streams new rows of every {@code panther_logs} table that has enabled rules through them (one
 * Structured Streaming query per table over its Delta log), and replays time ranges on demand. Findings are written
 * idempotently by {@code p_match_id}, so restarts and replays never duplicate a match.
 */
public final class DetectJob {
  private static final Logger LOG = LoggerFactory.getLogger(DetectJob.class);

  private final SparkSession spark;
  private final TarnConfig config;
  private final Lake lake;
  private final LakeTables tables;
  private final String runId = UUID.randomUUID().toString();
  private final Map<String, TableDetection.Counts> totals = new LinkedHashMap<>();
  private LoadedPack loaded;

  public DetectJob(SparkSession spark, TarnConfig config) {
    this.spark = requireNonNull(spark, "spark is null");
    this.config = requireNonNull(config, "config is null");
    this.lake = new Lake(config.lakeUri());
    this.tables = new LakeTables(spark, lake);
    // Findings tables carry the event's columns, which evolve with custom log types.
    spark.conf().set("spark.databricks.delta.schema.autoMerge.enabled", "true");
  }

  /** The pack as this run sees it: what loaded, what failed and why. */
  public record LoadedPack(DetectionPack pack, DetectSettings settings, Set<String> failed,
      List<LoadProblem> problems) {
    public long loadedCount() {
      return pack.detections().stream().filter(d -> !failed.contains(d.id())).count();
    }
  }

  /**
   * Loads the configured detection directories, imports every Python detection once to find the ones that fail
   * (syntax errors, missing modules), logs the outcome and records it in {@code tarn_system.detection_status}.
   */
  public LoadedPack load() {
    if (loaded != null) {
      return loaded;
    }
    List<Path> dirs = config.detection().dirs().stream().map(Path::of).toList();
    DetectionPack pack = PackLoader.load(dirs);
    DetectSettings settings = DetectSettings.of(config.detection(), PackArchive.of(dirs), lake.root());
    DetectionEnvironment env = DetectionEnvironment.register(settings, pack);
    Map<String, String> runtimes = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Detection d : pack.detections()) {
      if (!d.isSimple()) {
        runtimes.put(d.id(), env.runtimeOf(d));
        used.add(env.runtimeOf(d));
      }
    }
    List<LoadProblem> problems = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    for (String name : used) {
      RuleRuntime runtime = env.borrow(name);
      try {
        LoadResult result = runtime.loadResult();
        for (LoadProblem p : result.problems()) {
          problems.add(p);
          if (p.id() != null && name.equals(runtimes.get(p.id()))) {
            failed.add(p.id());
          }
        }
      } finally {
        env.release(runtime);
      }
    }
    for (LoadProblem p : pack.problems()) {
      LOG.warn("Detection not loaded: {}", p);
    }
    for (LoadProblem p : problems) {
      LOG.warn("Detection not loaded: {}", p);
    }
    List<Row> status = DetectionStatus.rows("detect", runId, pack, problems, runtimes, failed);
    tables.ensure(Lake.SYSTEM_DB, DetectionStatus.TABLE, DetectionStatus.TYPE, "job");
    spark.createDataFrame(status, DetectionStatus.TYPE).write().format("delta").mode("append")
        .save(tables.path(Lake.SYSTEM_DB, DetectionStatus.TABLE));
    loaded = new LoadedPack(pack, settings, failed, List.copyOf(concat(pack.problems(), problems)));
    LOG.info("Detections from {}: {} loaded, {} failed", dirs, loaded.loadedCount(), loaded.problems().size());
    return loaded;
  }

  /** Enabled streaming rules that loaded, by log type. */
  Map<String, List<Detection>> rulesByLogType(String onlyRule) {
    LoadedPack pack = load();
    Map<String, List<Detection>> out = new LinkedHashMap<>();
    pack.pack().enabledRulesByLogType().forEach((logType, rules) -> {
      List<Detection> ok = rules.stream()
          .filter(d -> !pack.failed().contains(d.id()))
          .filter(d -> onlyRule == null || d.id().equals(onlyRule))
          .toList();
      if (!ok.isEmpty()) {
        out.put(logType, ok);
      }
    });
    return out;
  }

  /**
   * Starts one streaming query per log table that exists and has rules. With {@code once} each processes the rows
   * present now (AvailableNow) and stops.
   */
  public List<StreamingQuery> start(boolean once, Set<String> alreadyStarted) throws TimeoutException {
    LoadedPack pack = load();
    LogTypeRegistry registry = registry();
    List<StreamingQuery> queries = new ArrayList<>();
    for (Map.Entry<String, List<Detection>> e : rulesByLogType(null).entrySet()) {
      String table = LogSchema.tableName(e.getKey());
      String path = lake.tablePath(Lake.LOGS_DB, table);
      if (alreadyStarted.contains(table) || !DeltaTable.isDeltaTable(spark, path)) {
        continue;
      }
      TableDetection detection = detection(table, e.getKey(), e.getValue(), pack);
      LogSchema schema = registry.find(e.getKey()).orElse(null);
      Dataset<Row> rows = spark.readStream().format("delta").option("skipChangeCommits", "true").load(path);
      queries.add(rows.writeStream()
          .queryName("detect-" + table)
          .option("checkpointLocation", lake.checkpoint("detect/" + table))
          .trigger(once ? Trigger.AvailableNow() : Trigger.ProcessingTime(config.detection().trigger().toMillis()))
          .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> process(detection, schema, batch, id))
          .start());
      alreadyStarted.add(table);
    }
    return queries;
  }

  /** Runs every table's detections over the rows present now, then returns the findings counts by table. */
  public Map<String, TableDetection.Counts> runOnce() throws TimeoutException, StreamingQueryException {
    for (StreamingQuery query : start(true, new HashSet<>())) {
      query.awaitTermination();
    }
    return Map.copyOf(totals);
  }

  /**
   * Runs continuously; tables created after the start (a new log type's first ingest) are picked up within one
   * trigger interval. Returns only by failing.
   */
  public void runContinuously() throws TimeoutException, StreamingQueryException, InterruptedException {
    Set<String> started = new HashSet<>();
    while (true) {
      start(false, started);
      for (StreamingQuery q : spark.streams().active()) {
        if (q.exception().isDefined()) {
          throw q.exception().get();
        }
      }
      spark.streams().awaitAnyTermination(config.detection().trigger().toMillis());
      spark.streams().resetTerminated();
    }
  }

  /**
   * Re-runs detections over events with {@code from <= p_event_time < to} (optionally one rule). Deterministic match
   * ids make it idempotent: a second replay of the same range writes nothing.
   */
  public Map<String, TableDetection.Counts> replay(Instant from, Instant to, String ruleId) {
    LoadedPack pack = load();
    if (ruleId != null && pack.pack().detection(ruleId) == null) {
      throw new IllegalArgumentException("No detection with id '" + ruleId + "' in " + config.detection().dirs());
    }
    LogTypeRegistry registry = registry();
    Map<String, TableDetection.Counts> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Detection>> e : rulesByLogType(ruleId).entrySet()) {
      String table = LogSchema.tableName(e.getKey());
      String path = lake.tablePath(Lake.LOGS_DB, table);
      if (!DeltaTable.isDeltaTable(spark, path)) {
        continue;
      }
      Dataset<Row> rows = spark.read().format("delta").load(path)
          .where(col(StandardColumns.DATE).between(lit(Date.valueOf(from.atZone(ZoneOffset.UTC).toLocalDate())),
              lit(Date.valueOf(to.atZone(ZoneOffset.UTC).toLocalDate()))))
          .where(col(StandardColumns.EVENT_TIME).geq(lit(Timestamp.from(from)))
              .and(col(StandardColumns.EVENT_TIME).lt(lit(Timestamp.from(to)))));
      TableDetection detection = detection(table, e.getKey(), e.getValue(), pack);
      out.put(table, process(detection, registry.find(e.getKey()).orElse(null), rows, -1L));
    }
    return out;
  }

  private TableDetection detection(String table, String logType, List<Detection> rules, LoadedPack pack) {
    DetectionPlan plan = new DetectionPlan(rules, new PackConditions(config.detection().prefilters()));
    return new TableDetection(table, logType, plan, pack.settings(), new FindingsWriter(spark, tables));
  }

  private TableDetection.Counts process(TableDetection detection, LogSchema schema, Dataset<Row> rows,
      long batchId) {
    long started = System.currentTimeMillis();
    EventShape shape = EventShape.of(schema, rows.schema());
    TableDetection.Counts counts = detection.process(rows, shape);
    synchronized (totals) {
      totals.merge(detection.table(), counts, TableDetection.Counts::plus);
    }
    long finished = System.currentTimeMillis();
    JobRuns.append(spark, tables, new JobRun("detect", runId, detection.table(), batchId,
        Instant.ofEpochMilli(started), Instant.ofEpochMilli(finished), JobRun.SUCCEEDED, null, null,
        Map.of("matches", counts.matches(), "errors", counts.errors()), null, 0L,
        counts.matches() + " matches, " + counts.errors() + " rule errors", null));
    LOG.info("Detect {} batch {}: {} matches, {} rule errors, {} ms", detection.table(), batchId, counts.matches(),
        counts.errors(), finished - started);
    return counts;
  }

  private LogTypeRegistry registry() {
    return new LogTypeStore(lake.root(), spark.sparkContext().hadoopConfiguration()).registry();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  public String runId() {
    return runId;
  }
}
