package dev.tarn.search;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import dev.tarn.classify.StandardColumns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeInventory;
import dev.tarn.logschema.LogSchema;
import io.delta.kernel.defaults.engine.DefaultEngine;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.StructType;

/**
 * Panther's indicator search: the events of a time range whose {@code p_any_*} column holds a value, across every
 * log table of a database, grouped by log type.
 *
 * <p>Min/max statistics cannot skip files for a value inside an array, so the speed comes from reading little: the
 * range becomes both a {@code p_date} partition filter and a {@code p_event_time} filter (Delta skips the files whose
 * event-time statistics miss it, which after {@code OPTIMIZE ... ZORDER BY (p_event_time)} is nearly all of them), and
 * the search runs in two passes. The first reads only the indicator column and three narrow {@code p_*} columns of
 * every table, counting matches per log type and keeping the ids and times of the latest {@code limit}. The second
 * fetches the full rows of just those events.
 *
 * <p>Two engines run it with the same results. Tables are first planned with Delta Kernel (snapshots read and files
 * pruned in this process, in milliseconds); when what is left is small ({@link #LOCAL_LIMIT_BYTES}), the local engine
 * ({@link LocalSearch}) reads it in this process, which is what an investigation's searches of a few days usually
 * need. Larger ranges run as Spark jobs: pass one in one job over every table, pass two with the matches' times and
 * dates as filters so that Delta reads only the files that hold them.
 */
public final class IndicatorSearch {
  /** In {@link SearchEngine#AUTO}, data files of at most this many bytes after pruning are searched in-process. */
  public static final long LOCAL_LIMIT_BYTES = 512L << 20;

  private static final String TABLE = "_table";
  private static final String COUNT = "_count";
  private static final String RANK = "_rank";
  private static final String EVENT = "_event";

  private IndicatorSearch() {}

  /** Searches with {@link SearchEngine#AUTO} in an existing session. */
  public static SearchResult run(SparkSession spark, Lake lake, IndicatorQuery query) {
    return run(spark, lake, query, SearchEngine.AUTO);
  }

  /** Searches with the given engine in an existing session. */
  public static SearchResult run(SparkSession spark, Lake lake, IndicatorQuery query, SearchEngine engine) {
    requireNonNull(spark, "spark is null");
    return run(lake, query, engine, spark.sparkContext().hadoopConfiguration(),
        ZoneId.of(spark.conf().get("spark.sql.session.timeZone")), () -> spark, Optional.of(spark));
  }

  /**
   * Searches with the given engine; {@code spark} is called only when the search runs on Spark, so a local search
   * starts no session.
   *
   * @param hadoop the Hadoop settings the lake is read with (S3A credentials and endpoints)
   * @param zone the time zone event timestamps are shown in, as Spark's {@code spark.sql.session.timeZone}
   */
  public static SearchResult run(Lake lake, IndicatorQuery query, SearchEngine engine, Configuration hadoop,
      ZoneId zone, Supplier<SparkSession> spark) {
    return run(lake, query, engine, hadoop, zone, spark, Optional.empty());
  }

  private static SearchResult run(Lake lake, IndicatorQuery query, SearchEngine engine, Configuration hadoop,
      ZoneId zone, Supplier<SparkSession> spark, Optional<SparkSession> running) {
    requireNonNull(lake, "lake is null");
    requireNonNull(query, "query is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(spark, "spark is null");
    Set<String> wanted = query.logTypes().stream().map(LogSchema::tableName).collect(Collectors.toSet());
    // Tables are found where the lake keeps them, not in the catalog, so a search works the same on a fresh cluster
    // whose metastore has not been synced yet.
    List<LakeInventory.LakeTable> tables = new LakeInventory(lake, hadoop).tables(query.database()).stream()
        .filter(table -> wanted.isEmpty() || wanted.contains(table.table()))
        .toList();
    if (engine != SearchEngine.SPARK) {
      LocalSearch local = new LocalSearch(DefaultEngine.create(hadoop), zone,
          Runtime.getRuntime().availableProcessors(), running);
      LocalSearch.Plan plan = local.plan(tables, query);
      if (engine == SearchEngine.LOCAL || plan.bytes() <= LOCAL_LIMIT_BYTES) {
        return local.run(plan, query);
      }
    }
    return onSpark(spark.get(), tables, query);
  }

  private static SearchResult onSpark(SparkSession spark, List<LakeInventory.LakeTable> tables,
      IndicatorQuery query) {
    List<String> searched = new ArrayList<>();
    List<String> withoutColumn = new ArrayList<>();
    Map<String, Dataset<Row>> candidates = new LinkedHashMap<>();
    for (LakeInventory.LakeTable table : tables) {
      Dataset<Row> rows = spark.read().format("delta").load(table.path());
      if (!hasColumns(rows.schema(), query.indicator().column(), StandardColumns.EVENT_TIME,
          StandardColumns.LOG_TYPE, StandardColumns.ROW_ID)) {
        withoutColumn.add(table.table());
        continue;
      }
      searched.add(table.table());
      candidates.put(table.table(), rows.where(condition(query, rows.schema())));
    }
    if (candidates.isEmpty()) {
      return new SearchResult(query, searched, withoutColumn, List.of(), SearchEngine.SPARK);
    }
    List<Row> latest = latestMatches(candidates, Math.max(query.limit(), 1));
    Map<String, Long> counts = new HashMap<>();
    latest.forEach(r -> counts.put(r.getString(1), r.getLong(4)));
    List<Row> kept = query.limit() == 0 ? List.of() : latest;
    Map<String, SearchMatch> full = fullRows(candidates, kept);
    Map<String, List<SearchMatch>> byType = new HashMap<>();
    for (Row r : kept) {
      SearchMatch match = full.get(key(r.getString(1), r.getString(2)));
      if (match != null) {
        byType.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(match);
      }
    }
    return new SearchResult(query, searched, withoutColumn, LogTypeMatches.grouped(counts, byType),
        SearchEngine.SPARK);
  }

  /** The predicate of the search on one table: the partitions and event times of the range, and the indicator. */
  static Column condition(IndicatorQuery query, StructType schema) {
    TimeRange range = query.range();
    Column condition = col(StandardColumns.EVENT_TIME).geq(lit(Timestamp.from(range.from())))
        .and(col(StandardColumns.EVENT_TIME).lt(lit(Timestamp.from(range.to()))))
        .and(array_contains(col(query.indicator().column()), query.indicator().value()));
    if (hasColumns(schema, StandardColumns.DATE)) {
      // Stated separately so Spark prunes partitions: it cannot derive p_date bounds from p_event_time.
      condition = col(StandardColumns.DATE).geq(lit(Date.valueOf(range.firstDate())))
          .and(col(StandardColumns.DATE).leq(lit(Date.valueOf(range.lastDate())))).and(condition);
    }
    if (!query.logTypes().isEmpty()) {
      condition = condition.and(col(StandardColumns.LOG_TYPE).isin(query.logTypes().toArray()));
    }
    return condition;
  }

  /**
   * Pass one: per log type, the match count and the {@code limit} latest matches' table, id and time, from a narrow
   * projection of every table in one job. Columns: table, log type, row id, event time, count.
   */
  private static List<Row> latestMatches(Map<String, Dataset<Row>> candidates, int limit) {
    Dataset<Row> narrow = null;
    for (Map.Entry<String, Dataset<Row>> table : candidates.entrySet()) {
      Dataset<Row> ids = table.getValue().select(lit(table.getKey()).as(TABLE), col(StandardColumns.LOG_TYPE),
          col(StandardColumns.ROW_ID), col(StandardColumns.EVENT_TIME));
      narrow = narrow == null ? ids : narrow.unionAll(ids);
    }
    WindowSpec byType = Window.partitionBy(StandardColumns.LOG_TYPE);
    return narrow
        .withColumn(COUNT, count(lit(1)).over(byType))
        .withColumn(RANK, row_number().over(byType.orderBy(col(StandardColumns.EVENT_TIME).desc(),
            col(StandardColumns.ROW_ID))))
        .where(col(RANK).leq(limit))
        .orderBy(col(StandardColumns.LOG_TYPE), col(RANK))
        .select(col(TABLE), col(StandardColumns.LOG_TYPE), col(StandardColumns.ROW_ID),
            col(StandardColumns.EVENT_TIME), col(COUNT))
        .collectAsList();
  }

  /**
   * Pass two: the full rows of the given matches, by log type and row id. Their exact times and dates are added to the
   * filter so Delta's statistics leave out every file that cannot hold one of them.
   */
  private static Map<String, SearchMatch> fullRows(Map<String, Dataset<Row>> candidates, List<Row> matches) {
    Map<String, List<Row>> byTable = matches.stream().collect(Collectors.groupingBy(r -> r.getString(0)));
    Dataset<Row> fetched = null;
    for (Map.Entry<String, List<Row>> table : byTable.entrySet()) {
      Object[] ids = table.getValue().stream().map(r -> r.getString(2)).distinct().toArray();
      Object[] times = table.getValue().stream().map(r -> r.get(3)).distinct().toArray();
      Dataset<Row> selected = asMatches(candidates.get(table.getKey())
          .where(col(StandardColumns.ROW_ID).isin(ids).and(col(StandardColumns.EVENT_TIME).isin(times))));
      fetched = fetched == null ? selected : fetched.unionAll(selected);
    }
    return fetched == null ? new HashMap<>() : collectMatches(fetched);
  }

  /**
   * Rows of a log table as matches: log type, row id, event time, source label (null when the table has none) and the
   * event's own columns (not the {@code p_*} ones) as JSON.
   */
  static Dataset<Row> asMatches(Dataset<Row> rows) {
    Column[] event = Arrays.stream(rows.columns()).filter(c -> !c.startsWith("p_"))
        .map(c -> col("`" + c + "`")).toArray(Column[]::new);
    Column sourceLabel = hasColumns(rows.schema(), StandardColumns.SOURCE_LABEL)
        ? col(StandardColumns.SOURCE_LABEL) : lit(null).cast("string");
    return rows.select(col(StandardColumns.LOG_TYPE), col(StandardColumns.ROW_ID), col(StandardColumns.EVENT_TIME),
        sourceLabel.as(StandardColumns.SOURCE_LABEL), (event.length == 0 ? lit("{}") : to_json(struct(event)))
            .as(EVENT));
  }

  /** Collects {@link #asMatches} rows, keyed by {@link #key}. */
  static Map<String, SearchMatch> collectMatches(Dataset<Row> matches) {
    Map<String, SearchMatch> found = new HashMap<>();
    for (Row r : matches.collectAsList()) {
      found.put(key(r.getString(0), r.getString(1)), new SearchMatch(instant(r.get(2)), r.getString(0),
          r.getString(1), r.getString(3), r.getString(4)));
    }
    return found;
  }


  /** The key of a match in a result: its log type and row id. */
  static String key(String logType, String rowId) {
    return logType + "\u0000" + rowId;
  }

  private static Instant instant(Object value) {
    return value instanceof Instant i ? i : ((Timestamp) value).toInstant();
  }

  private static boolean hasColumns(StructType schema, String... columns) {
    Set<String> names = Set.of(schema.fieldNames());
    return Arrays.stream(columns).allMatch(names::contains);
  }
}
