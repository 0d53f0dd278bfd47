package dev.tarn.bench;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.tarn.classify.StandardColumns;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.job.DetectJob;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.detect.pack.Detection;
import dev.tarn.lake.Lake;
import dev.tarn.logschema.LogSchema;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Tarn's path: {@link DetectJob#replay} over a time range of the bench lake's CloudTrail table, as {@code tarn detect
 * --from … --to …} runs it. Before each run the findings databases are dropped and their directories deleted: replay is
 * idempotent (findings are merged by {@code p_match_id}), so without that a second run would write nothing. Loading
 * the pack ({@link DetectJob#load}, which imports every rule) is not timed, like the baseline's imports.
 */
final class DetectTarn {
  private final SparkSession spark;
  private final DetectData data;
  private final int cores;
  private final StageTimes stages;

  /** @param stages when not null, each run prints its Spark stages (wall, task, CPU and GC time) */
  DetectTarn(SparkSession spark, DetectData data, int cores, StageTimes stages) {
    this.spark = requireNonNull(spark, "spark is null");
    this.data = requireNonNull(data, "data is null");
    this.cores = cores;
    this.stages = stages;
    if (stages != null) {
      spark.sparkContext().addSparkListener(stages);
    }
  }

  /** A job over the bench lake with this config, its pack loaded; the ids of the rules it will run on CloudTrail. */
  record LoadedJob(DetectJob job, DetectJob.LoadedPack pack, Set<String> rules) {}

  LoadedJob load(TarnConfig config) {
    DetectJob job = new DetectJob(spark, config);
    DetectJob.LoadedPack pack = job.load();
    Set<String> rules = new TreeSet<>();
    for (Detection d : pack.pack().enabledRulesByLogType().getOrDefault(DetectData.LOG_TYPE, List.of())) {
      if (!d.isSimple() && !pack.failed().contains(d.id())) {
        rules.add(d.id());
      }
    }
    return new LoadedJob(job, pack, rules);
  }

  /**
   * Replays {@code [data.from(), to)} with {@code config} into empty findings tables and returns the timed result
   * with the matches and errors it wrote, by rule.
   *
   * @param events the number of events in the range (known to the caller, counted outside the timing)
   */
  DetectResult run(String name, TarnConfig config, Instant to, long events) throws Exception {
    resetFindings();
    LoadedJob loaded = load(config);
    if (stages != null) {
      spark.sparkContext().listenerBus().waitUntilEmpty();
      stages.clear();
    }
    long start = System.nanoTime();
    loaded.job().replay(data.from(), to, null);
    long nanos = System.nanoTime() - start;
    List<String> report = List.of();
    if (stages != null) {
      // Stage events reach listeners asynchronously; wait for them before reading what this run did.
      spark.sparkContext().listenerBus().waitUntilEmpty();
      report = stages.report();
    }
    return new DetectResult(name, events, nanos, cores, loaded.rules().size(),
        counts(FindingColumns.MATCHES_DB, null, loaded.rules()), counts(FindingColumns.ERRORS_DB, null, Set.of()),
        report);
  }

  /** The matches and errors now in the findings tables for events before {@code end}, as a result named {@code name}. */
  DetectResult findingsBefore(String name, Instant end, long events, Set<String> rules) {
    return new DetectResult(name, events, 1, cores, rules.size(), counts(FindingColumns.MATCHES_DB, end, rules),
        counts(FindingColumns.ERRORS_DB, end, Set.of()), List.of());
  }

  /** Rows of the CloudTrail table in {@code [data.from(), end)}. */
  long eventsBefore(Instant end) {
    return table().where(col(StandardColumns.EVENT_TIME).lt(lit(Timestamp.from(end)))).count();
  }

  Dataset<Row> table() {
    return spark.read().format("delta").load(data.table());
  }

  void resetFindings() throws IOException {
    Lake lake = data.tarnLake();
    for (String db : List.of(FindingColumns.MATCHES_DB, FindingColumns.ERRORS_DB)) {
      spark.sql("DROP DATABASE IF EXISTS `" + db + "` CASCADE");
      Directories.delete(Path.of(lake.databasePath(db)));
    }
  }

  /** Rows by rule id in {@code database}'s CloudTrail table; every id of {@code allRules} present, 0 if none. */
  private Map<String, Long> counts(String database, Instant end, Set<String> allRules) {
    Map<String, Long> out = new LinkedHashMap<>();
    allRules.forEach(id -> out.put(id, 0L));
    String path = data.tarnLake().tablePath(database, LogSchema.tableName(DetectData.LOG_TYPE));
    if (!DeltaTable.isDeltaTable(spark, path)) {
      return out;
    }
    Dataset<Row> rows = spark.read().format("delta").load(path);
    if (end != null) {
      rows = rows.where(col(StandardColumns.EVENT_TIME).lt(lit(Timestamp.from(end))));
    }
    for (Row r : rows.groupBy(FindingColumns.RULE_ID).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }
}
