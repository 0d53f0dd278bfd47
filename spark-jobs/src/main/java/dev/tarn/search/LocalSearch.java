package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import dev.tarn.classify.StandardColumns;
import dev.tarn.kernel.DataFiles;
import dev.tarn.kernel.KernelJson;
import dev.tarn.kernel.KernelValues;
import dev.tarn.lake.LakeInventory.LakeTable;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.SnapshotImpl;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;

/**
 * The local engine of {@link IndicatorSearch}: the same search run in this process with Delta Kernel, without a Spark
 * job. Planning a Spark scan of a Delta table runs a Spark job per table to apply file statistics, and the search plans
 * twice; on a few small files that fixed cost is most of the time. Here each table's snapshot is read directly, its
 * files pruned by the {@code p_date} partitions and the {@code p_event_time} statistics of the range, and the
 * remaining files are read on a few threads: first only the indicator column and the narrow {@code p_*} columns, to
 * count matches per log type and keep the latest {@code limit}; then, from just the files holding those, the whole
 * rows. Whole rows are the costly read (every column of a day's file), so when a session is already running they go
 * through Spark's vectorized Parquet reader in one job (no Delta planning: the files are known); without one, or for
 * files Spark's plain Parquet reader would not read as Delta does, Kernel reads them. The results are the same as the
 * Spark engine's, event JSON included ({@link KernelJson}).
 */
final class LocalSearch {
  /** Orders matches as the search returns them: latest first, then by row id. */
  private static final Comparator<Candidate> LATEST_FIRST = Comparator.comparingLong(Candidate::micros).reversed()
      .thenComparing(Candidate::rowId);

  /**
   * One table's part of a search.
   *
   * @param snapshot the version read
   * @param narrow the reader of the indicator and narrow {@code p_*} columns, of the scan filtered to the range
   * @param dated whether the narrow scan reads {@code p_date} too (its last column)
   * @param files the data files left after pruning, as Kernel scan file rows
   * @param bytes their total size
   */
  record TableScan(Snapshot snapshot, DataFiles narrow, boolean dated, List<Row> files, long bytes) {}

  /**
   * What a search would read, before reading it.
   *
   * @param searched the tables having the indicator's column
   * @param withoutColumn the tables without it
   * @param scans the searched tables' scans
   */
  record Plan(List<String> searched, List<String> withoutColumn, List<TableScan> scans) {
    long bytes() {
      return scans.stream().mapToLong(TableScan::bytes).sum();
    }
  }

  /** One matching event of pass one: where it is and how it sorts. */
  private record Candidate(String logType, String rowId, long micros, int scan, int file) {}

  /** Pass one's result for one file: match counts per log type and the latest {@code limit} matches of each. */
  private record FileMatches(Map<String, Long> counts, Map<String, List<Candidate>> latest) {}

  private final Engine engine;
  private final KernelJson json;
  private final int threads;
  private final Optional<SparkSession> spark;

  /**
   * @param spark a session already running, whose vectorized Parquet reader pass two uses for whole rows (several
   *     times faster than Kernel's); without one, pass two reads with Kernel and starts nothing
   */
  LocalSearch(Engine engine, ZoneId zone, int threads, Optional<SparkSession> spark) {
    this.engine = requireNonNull(engine, "engine is null");
    this.spark = requireNonNull(spark, "spark is null");
    this.json = new KernelJson(requireNonNull(zone, "zone is null"));
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  /** Reads the snapshots of the tables (in parallel) and prunes their files to the query's range. */
  Plan plan(List<LakeTable> tables, IndicatorQuery query) {
    List<TableScan> planned = inParallel(tables, table -> planTable(table, query));
    List<String> searched = new ArrayList<>();
    List<String> withoutColumn = new ArrayList<>();
    List<TableScan> scans = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      if (planned.get(i) == null) {
        withoutColumn.add(tables.get(i).table());
      } else {
        searched.add(tables.get(i).table());
        scans.add(planned.get(i));
      }
    }
    return new Plan(searched, withoutColumn, scans);
  }

  /** Runs a planned search: pass one over every planned file, pass two over the files of the rows kept. */
  SearchResult run(Plan plan, IndicatorQuery query) {
    requireNonNull(plan, "plan is null");
    int limit = Math.max(query.limit(), 1);
    List<int[]> files = new ArrayList<>();
    for (int s = 0; s < plan.scans().size(); s++) {
      for (int f = 0; f < plan.scans().get(s).files().size(); f++) {
        files.add(new int[] {s, f});
      }
    }
    // Largest files first, so that the last thread to finish does not start on the largest.
    files.sort(Comparator.comparingLong((int[] sf) -> size(plan.scans().get(sf[0]).files().get(sf[1]))).reversed());
    List<FileMatches> perFile = inParallel(files, sf -> passOne(plan.scans().get(sf[0]), sf[0], sf[1], query, limit));

    Map<String, Long> counts = new HashMap<>();
    Map<String, List<Candidate>> latest = new HashMap<>();
    for (FileMatches matches : perFile) {
      matches.counts().forEach((type, n) -> counts.merge(type, n, Long::sum));
      matches.latest().forEach((type, list) -> latest.computeIfAbsent(type, t -> new ArrayList<>()).addAll(list));
    }
    List<Candidate> kept = new ArrayList<>();
    if (query.limit() > 0) {
      latest.values().forEach(list -> list.stream().sorted(LATEST_FIRST).limit(limit).forEach(kept::add));
    }
    Map<String, SearchMatch> rows = passTwo(plan, kept);
    Map<String, List<SearchMatch>> byType = new HashMap<>();
    kept.stream().sorted(Comparator.comparing(Candidate::logType).thenComparing(LATEST_FIRST)).forEach(c -> {
      SearchMatch match = rows.get(IndicatorSearch.key(c.logType(), c.rowId()));
      if (match != null) {
        byType.computeIfAbsent(c.logType(), t -> new ArrayList<>()).add(match);
      }
    });
    return new SearchResult(query, plan.searched(), plan.withoutColumn(), LogTypeMatches.grouped(counts, byType),
        SearchEngine.LOCAL);
  }

  private TableScan planTable(LakeTable table, IndicatorQuery query) {
    Snapshot snapshot = Table.forPath(engine, table.path()).getLatestSnapshot(engine);
    StructType schema = snapshot.getSchema(engine);
    String indicator = query.indicator().column();
    List<String> narrow = new ArrayList<>(List.of(indicator, StandardColumns.EVENT_TIME, StandardColumns.LOG_TYPE,
        StandardColumns.ROW_ID));
    if (!narrow.stream().allMatch(c -> schema.indexOf(c) >= 0)) {
      return null;
    }
    boolean dated = schema.indexOf(StandardColumns.DATE) >= 0;
    if (dated) {
      narrow.add(StandardColumns.DATE);
    }
    StructType readSchema = new StructType();
    for (String column : narrow) {
      StructField field = schema.get(column);
      readSchema = readSchema.add(field);
    }
    Scan scan = snapshot.getScanBuilder(engine).withReadSchema(engine, readSchema)
        .withFilter(engine, pruning(query, snapshot.getPartitionColumnNames(engine))).build();
    List<Row> files = new ArrayList<>();
    long bytes = 0;
    try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> rows = batches.next().getRows()) {
          while (rows.hasNext()) {
            Row file = rows.next();
            files.add(file);
            bytes += size(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the data files of " + table.qualifiedName() + " at "
          + table.path() + ": " + e.getMessage(), e);
    }
    return new TableScan(snapshot, new DataFiles(engine, scan), dated, List.copyOf(files), bytes);
  }

  /**
   * The filter Kernel prunes files with: the range's dates when the table is partitioned by {@code p_date}, the
   * range on {@code p_event_time} statistics (whose maximum Delta may have truncated to the millisecond, hence the
   * lower bound one millisecond early) and the log types. Rows are still checked one by one.
   */
  private static Predicate pruning(IndicatorQuery query, List<String> partitionColumns) {
    TimeRange range = query.range();
    Column time = new Column(StandardColumns.EVENT_TIME);
    Predicate filter = new And(
        new Predicate(">=", time, Literal.ofTimestamp(micros(range.from().truncatedTo(ChronoUnit.MILLIS)
            .minusMillis(1)))),
        new Predicate("<", time, Literal.ofTimestamp(micros(range.to()))));
    if (partitionColumns.contains(StandardColumns.DATE)) {
      Column date = new Column(StandardColumns.DATE);
      filter = new And(filter, new And(
          new Predicate(">=", date, Literal.ofDate(Math.toIntExact(range.firstDate().toEpochDay()))),
          new Predicate("<=", date, Literal.ofDate(Math.toIntExact(range.lastDate().toEpochDay())))));
    }
    Predicate types = null;
    for (String type : query.logTypes().stream().sorted().toList()) {
      Predicate equal = new Predicate("=", new Column(StandardColumns.LOG_TYPE), Literal.ofString(type));
      types = types == null ? equal : new Or(types, equal);
    }
    return types == null ? filter : new And(filter, types);
  }

  private FileMatches passOne(TableScan scan, int scanIndex, int fileIndex, IndicatorQuery query, int limit) {
    long from = micros(query.range().from());
    long to = micros(query.range().to());
    int firstDay = Math.toIntExact(query.range().firstDate().toEpochDay());
    int lastDay = Math.toIntExact(query.range().lastDate().toEpochDay());
    String value = query.indicator().value();
    Set<String> types = query.logTypes();
    Map<String, Long> counts = new HashMap<>();
    Map<String, PriorityQueue<Candidate>> latest = new HashMap<>();
    scan.narrow().read(scan.files().get(fileIndex), (batch, row) -> {
      // Columns in the read schema's order: indicator, p_event_time, p_log_type, p_row_id[, p_date].
      ColumnVector time = batch.getColumnVector(1);
      if (time.isNullAt(row)) {
        return true;
      }
      long micros = time.getLong(row);
      boolean inRange = micros >= from && micros < to
          && (!scan.dated() || onDays(batch.getColumnVector(4), row, firstDay, lastDay));
      if (!inRange) {
        return true;
      }
      String logType = string(batch.getColumnVector(2), row);
      if (logType == null || (!types.isEmpty() && !types.contains(logType))
          || !contains(batch.getColumnVector(0), row, value)) {
        return true;
      }
      counts.merge(logType, 1L, Long::sum);
      PriorityQueue<Candidate> kept = latest.computeIfAbsent(logType,
          t -> new PriorityQueue<>(LATEST_FIRST.reversed()));
      kept.add(new Candidate(logType, string(batch.getColumnVector(3), row), micros, scanIndex, fileIndex));
      if (kept.size() > limit) {
        kept.poll();
      }
      return true;
    });
    Map<String, List<Candidate>> lists = new HashMap<>();
    latest.forEach((type, queue) -> lists.put(type, List.copyOf(queue)));
    return new FileMatches(counts, lists);
  }

  /**
   * The whole rows of the kept matches, read from the files pass one found them in, keyed by {@link
   * IndicatorSearch#key}: with Spark's Parquet reader when a session is running and the files are plain Parquet, else
   * with Kernel.
   */
  private Map<String, SearchMatch> passTwo(Plan plan, List<Candidate> kept) {
    Map<List<Integer>, Set<String>> byFile = new HashMap<>();
    for (Candidate c : kept) {
      byFile.computeIfAbsent(List.of(c.scan(), c.file()), k -> new HashSet<>()).add(c.rowId());
    }
    Map<String, SearchMatch> out = new HashMap<>();
    if (spark.isPresent()) {
      Map<List<Integer>, Set<String>> plain = new HashMap<>();
      byFile.forEach((file, ids) -> {
        if (plainParquet(plan.scans().get(file.get(0)), file.get(1))) {
          plain.put(file, ids);
        }
      });
      out.putAll(passTwoOnSpark(spark.get(), plan, plain));
      plain.keySet().forEach(byFile::remove);
    }
    out.putAll(passTwoWithKernel(plan, byFile));
    return out;
  }

  /**
   * Whether Spark's Parquet reader reads a data file as Delta would: no deletion vector, no column mapping (physical
   * names are the logical ones) and no type widening (file types are the table's).
   */
  private boolean plainParquet(TableScan scan, int file) {
    // Kernel 3.3's public Snapshot has no table properties; SnapshotImpl is what getLatestSnapshot returns.
    Map<String, String> properties = ((SnapshotImpl) scan.snapshot()).getMetadata().getConfiguration();
    return InternalScanFileUtils.getDeletionVectorDescriptorFromRow(scan.files().get(file)) == null
        && properties.getOrDefault("delta.columnMapping.mode", "none").equals("none")
        && !properties.getOrDefault("delta.enableTypeWidening", "false").equals("true");
  }

  /** Pass two in one Spark job over just the files holding the kept rows, read as plain Parquet. */
  private Map<String, SearchMatch> passTwoOnSpark(SparkSession session, Plan plan,
      Map<List<Integer>, Set<String>> byFile) {
    Map<Integer, List<List<Integer>>> byScan = byFile.keySet().stream()
        .collect(Collectors.groupingBy(file -> file.get(0)));
    Dataset<org.apache.spark.sql.Row> fetched = null;
    for (Map.Entry<Integer, List<List<Integer>>> table : byScan.entrySet()) {
      TableScan scan = plan.scans().get(table.getKey());
      List<String> partitions = scan.snapshot().getPartitionColumnNames(engine);
      org.apache.spark.sql.types.StructType schema = (org.apache.spark.sql.types.StructType) DataType.fromJson(
          scan.snapshot().getSchema(engine).toJson());
      org.apache.spark.sql.types.StructType physical = new org.apache.spark.sql.types.StructType(
          Arrays.stream(schema.fields()).filter(f -> !partitions.contains(f.name()))
              .toArray(org.apache.spark.sql.types.StructField[]::new));
      for (List<Integer> file : table.getValue()) {
        // Each file is asked only for the ids pass one found in it: another file's id never comes from this one.
        String path = InternalScanFileUtils.getAddFileStatus(scan.files().get(file.get(1))).getPath();
        Dataset<org.apache.spark.sql.Row> rows = IndicatorSearch.asMatches(session.read().schema(physical)
            .parquet(path).where(functions.col(StandardColumns.ROW_ID).isin(byFile.get(file).toArray())));
        fetched = fetched == null ? rows : fetched.unionAll(rows);
      }
    }
    return fetched == null ? Map.of() : IndicatorSearch.collectMatches(fetched);
  }

  /** Pass two with Kernel, the files read in parallel. */
  private Map<String, SearchMatch> passTwoWithKernel(Plan plan, Map<List<Integer>, Set<String>> byFile) {
    Map<Integer, WideRows> wide = new HashMap<>();
    for (List<Integer> file : byFile.keySet()) {
      wide.computeIfAbsent(file.get(0), s -> new WideRows(plan.scans().get(s).snapshot()));
    }
    List<Map.Entry<List<Integer>, Set<String>>> files = new ArrayList<>(byFile.entrySet());
    List<List<SearchMatch>> found = inParallel(files, entry -> wide.get(entry.getKey().get(0))
        .read(plan.scans().get(entry.getKey().get(0)).files().get(entry.getKey().get(1)), entry.getValue()));
    Map<String, SearchMatch> out = new HashMap<>();
    found.forEach(list -> list.forEach(m -> out.put(IndicatorSearch.key(m.logType(), m.rowId()), m)));
    return out;
  }

  /** Whole rows of one table read with Kernel: its reader and where the columns of a match are, worked out once. */
  private final class WideRows {
    private final DataFiles files;
    private final List<Integer> eventColumns = new ArrayList<>();
    private final List<String> eventNames = new ArrayList<>();
    private final int time;
    private final int logType;
    private final int rowId;
    private final int label;

    WideRows(Snapshot snapshot) {
      StructType schema = snapshot.getSchema(engine);
      this.files = new DataFiles(engine, snapshot.getScanBuilder(engine).withReadSchema(engine, schema).build());
      for (int i = 0; i < schema.length(); i++) {
        if (!schema.at(i).getName().startsWith("p_")) {
          eventColumns.add(i);
          eventNames.add(schema.at(i).getName());
        }
      }
      this.time = schema.indexOf(StandardColumns.EVENT_TIME);
      this.logType = schema.indexOf(StandardColumns.LOG_TYPE);
      this.rowId = schema.indexOf(StandardColumns.ROW_ID);
      this.label = schema.indexOf(StandardColumns.SOURCE_LABEL);
    }

    /** The rows of {@code file} whose row id is one of {@code ids}, as matches. */
    List<SearchMatch> read(Row file, Set<String> ids) {
      List<SearchMatch> matches = new ArrayList<>();
      files.read(file, (batch, row) -> {
        String id = string(batch.getColumnVector(rowId), row);
        if (id != null && ids.contains(id)) {
          matches.add(new SearchMatch(instant(batch.getColumnVector(time), row),
              string(batch.getColumnVector(logType), row), id,
              label < 0 ? null : string(batch.getColumnVector(label), row),
              json.object(batch, row, eventColumns, eventNames)));
        }
        return matches.size() < ids.size();
      });
      return matches;
    }
  }

  /** Runs {@code task} on each item on up to {@code threads} threads; results in the items' order. */
  private <T, R> List<R> inParallel(List<T> items, Function<T, R> task) {
    if (items.size() <= 1 || threads == 1) {
      return items.stream().map(task).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
      Thread thread = new Thread(r, "tarn-search");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> task.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("The search was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean onDays(ColumnVector date, int row, int firstDay, int lastDay) {
    return !date.isNullAt(row) && date.getInt(row) >= firstDay && date.getInt(row) <= lastDay;
  }

  private static boolean contains(ColumnVector column, int row, String value) {
    if (column.isNullAt(row)) {
      return false;
    }
    ArrayValue array = column.getArray(row);
    ColumnVector elements = array.getElements();
    for (int i = 0; i < array.getSize(); i++) {
      if (!elements.isNullAt(i) && value.equals(elements.getString(i))) {
        return true;
      }
    }
    return false;
  }

  private static String string(ColumnVector column, int row) {
    return column.isNullAt(row) ? null : column.getString(row);
  }

  private static Instant instant(ColumnVector column, int row) {
    return KernelValues.instant(column.getLong(row));
  }

  private static long size(Row scanFile) {
    return InternalScanFileUtils.getAddFileStatus(scanFile).getSize();
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
  }
}
