package dev.tarn.detect.job;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;

import dev.tarn.classify.StandardColumns;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.QueryDefinition;
import dev.tarn.detect.schedule.CatchUp;
import dev.tarn.detect.schedule.MacroException;
import dev.tarn.detect.schedule.PantherMacros;
import dev.tarn.detect.schedule.QuerySchedule;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.logschema.ColumnNames;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scheduled queries on their schedules and passes each result row to the scheduled rules that name the query, as
 * Panther does; their findings go to {@code panther_rule_matches.scheduled_<query>} like any rule's. Which slot each
 * query last ran is kept in {@code tarn_system.scheduled_query_runs}, so a run-once invocation (an orchestrator's) runs
 * exactly what is due, and after a gap only the latest missed slot (the others are recorded as skipped).
 */
public final class ScheduledJob {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledJob.class);

  private final SparkSession spark;
  private final DetectJob detect;
  private final LakeTables tables;
  private final Clock clock;

  public ScheduledJob(SparkSession spark, TarnConfig config, Clock clock) {
    this.spark = requireNonNull(spark, "spark is null");
    this.detect = new DetectJob(spark, config);
    this.tables = new LakeTables(spark, new Lake(config.lakeUri()));
    this.clock = requireNonNull(clock, "clock is null");
  }

  public DetectJob.LoadedPack load() {
    return detect.load();
  }

  /** One executed (or failed) slot. */
  public record QueryRun(String query, Instant slot, String status, long rows, long matches, long errors,
      long skipped, String message) {}

  /** Runs every enabled scheduled query that is due now (at most one slot each). */
  public List<QueryRun> runDue() {
    DetectJob.LoadedPack pack = detect.load();
    Instant now = clock.instant();
    Map<String, Instant> lastRuns = lastRuns();
    List<QueryRun> runs = new ArrayList<>();
    for (QueryDefinition query : scheduledQueries(pack)) {
      QuerySchedule schedule = QuerySchedule.of(query);
      Instant last = lastRuns.get(query.name());
      Optional<Instant> due;
      long skipped = 0;
      if (last == null) {
        due = Optional.of(schedule.previous(now));
      } else {
        CatchUp catchUp = schedule.catchUp(last, now);
        due = catchUp.due();
        skipped = catchUp.skipped().map(CatchUp.Skipped::count).orElse(0L);
      }
      if (due.isPresent()) {
        runs.add(run(pack, query, due.get(), skipped));
      }
    }
    return runs;
  }

  /** Runs due queries, then sleeps until the next slot of any of them, forever. */
  public void runContinuously() throws InterruptedException {
    while (true) {
      runDue().forEach(r -> LOG.info("Scheduled query {}", r));
      Instant now = clock.instant();
      Instant next = scheduledQueries(detect.load()).stream().map(q -> QuerySchedule.of(q).next(now))
          .min(Instant::compareTo).orElse(now.plus(Duration.ofMinutes(1)));
      Thread.sleep(Math.max(1000, Duration.between(now, next).toMillis()));
    }
  }

  /** Runs one slot of a query now, whether due or not (used by runDue and by tests and backfills). */
  public QueryRun run(DetectJob.LoadedPack pack, QueryDefinition query, Instant slot, long skipped) {
    Instant started = clock.instant();
    List<Detection> rules = rulesOf(pack, query.name());
    QueryRun result;
    String group = "tarn-scheduled-" + query.name() + "-" + slot;
    Timer timer = new Timer("scheduled-query-timeout", true);
    boolean[] timedOut = {false};
    int timeoutMinutes = query.schedule() == null ? 0 : query.schedule().timeoutMinutes();
    try {
      spark.sparkContext().setJobGroup(group, "scheduled query " + query.name(), true);
      if (timeoutMinutes > 0) {
        timer.schedule(new TimerTask() {
          @Override
          public void run() {
            timedOut[0] = true;
            spark.sparkContext().cancelJobGroup(group);
          }
        }, Duration.ofMinutes(timeoutMinutes).toMillis());
      }
      Dataset<Row> rows = resultRows(query, slot);
      long count = rows.count();
      TableDetection.Counts counts = new TableDetection.Counts(0, 0);
      if (count > 0 && !rules.isEmpty()) {
        DetectionPlan plan = new DetectionPlan(rules, new PackConditions(false));
        TableDetection detection = new TableDetection(tableName(query.name()), null, plan, pack.settings(),
            new FindingsWriter(spark, tables));
        counts = detection.process(rows, EventShape.of(null, rows.schema()));
      }
      result = new QueryRun(query.name(), slot, ScheduledQueryRuns.SUCCEEDED, count, counts.matches(),
          counts.errors(), skipped, rules.isEmpty() ? "no enabled scheduled rule uses this query" : null);
    } catch (MacroException e) {
      result = new QueryRun(query.name(), slot, ScheduledQueryRuns.FAILED, 0, 0, 0, skipped,
          query.file() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      result = new QueryRun(query.name(), slot, timedOut[0] ? ScheduledQueryRuns.TIMED_OUT : ScheduledQueryRuns.FAILED,
          0, 0, 0, skipped, timedOut[0] ? "exceeded its TimeoutMinutes (" + timeoutMinutes + ")"
              : firstLine(e.getMessage()));
    } finally {
      timer.cancel();
      spark.sparkContext().clearJobGroup();
    }
    record(result, started);
    return result;
  }

  /** The query's result for a slot, with the columns findings need: p_row_id (deterministic), p_event_time, p_date. */
  Dataset<Row> resultRows(QueryDefinition query, Instant slot) {
    Dataset<Row> result = spark.sql(PantherMacros.expand(query.sql(), slot));
    List<String> names = Arrays.asList(result.columns());
    Column[] all = names.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new);
    Dataset<Row> rows = result;
    if (!names.contains(StandardColumns.ROW_ID)) {
      rows = rows.withColumn(StandardColumns.ROW_ID, substring(sha2(concat_ws("\u0000", lit(query.name()),
          lit(slot.toString()), to_json(struct(all))), 256), 1, 32));
    }
    if (!names.contains(StandardColumns.EVENT_TIME)) {
      rows = rows.withColumn(StandardColumns.EVENT_TIME, lit(Timestamp.from(slot)));
    }
    return rows.withColumn(StandardColumns.DATE, to_date(col(StandardColumns.EVENT_TIME)));
  }

  static String tableName(String queryName) {
    return "scheduled_" + ColumnNames.safe(queryName.toLowerCase(Locale.ROOT).replace('.', '_').replace(' ', '_'))
        .replace('-', '_');
  }

  private static List<QueryDefinition> scheduledQueries(DetectJob.LoadedPack pack) {
    return pack.pack().queries().stream()
        .filter(q -> q.type() == AnalysisType.SCHEDULED_QUERY && q.enabled() && q.schedule() != null)
        .toList();
  }

  private static List<Detection> rulesOf(DetectJob.LoadedPack pack, String queryName) {
    return pack.pack().detections().stream()
        .filter(d -> d.type() == AnalysisType.SCHEDULED_RULE && d.enabled() && !pack.failed().contains(d.id()))
        .filter(d -> d.scheduledQueries().contains(queryName))
        .toList();
  }

  private Map<String, Instant> lastRuns() {
    Map<String, Instant> out = new LinkedHashMap<>();
    String path = tables.path(Lake.SYSTEM_DB, ScheduledQueryRuns.TABLE);
    if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
      return out;
    }
    for (Row r : spark.read().format("delta").load(path).groupBy("query_name")
        .agg(org.apache.spark.sql.functions.max("scheduled_time").as("last")).collectAsList()) {
      out.put(r.getString(0), r.getTimestamp(1).toInstant());
    }
    return out;
  }

  private void record(QueryRun run, Instant started) {
    Row row = RowFactory.create(run.query(), Timestamp.from(run.slot()), detect.runId(), Timestamp.from(started),
        Timestamp.from(clock.instant()), run.status(), run.rows(), run.matches(), run.errors(), run.skipped(),
        run.message());
    tables.ensure(Lake.SYSTEM_DB, ScheduledQueryRuns.TABLE, ScheduledQueryRuns.TYPE, "query_name");
    spark.createDataFrame(List.of(row), ScheduledQueryRuns.TYPE).write().format("delta").mode("append")
        .save(tables.path(Lake.SYSTEM_DB, ScheduledQueryRuns.TABLE));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "failed";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
