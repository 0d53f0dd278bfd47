package dev.tarn.alerts.findings;

import static java.util.Objects.requireNonNull;

import dev.tarn.kernel.DataFiles;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the findings tables under a lake root with Delta Kernel (no Spark): which tables exist, their latest version,
 * and the findings a range of versions added.
 *
 * <p>A range starting after version {@code v >= 0} reads the data files the range's commits added with
 * {@code dataChange=true} ({@link TableChanges}); files rewritten by DELETE/UPDATE/MERGE therefore return their
 * surviving rows again, and the consumer must skip {@code p_match_id}s it has seen. A range from the start
 * ({@code afterVersion = -1}) reads the table's snapshot at {@code upToVersion} instead, as Delta's streaming source does
 * for its first batch: the commit files of old versions may already be cleaned up, and files compacted and vacuumed
 * since, so replaying every commit would fail on a table older than the log retention.
 *
 * <p>Only the contract's columns are read from the Parquet files (event columns can be wide). Deletion vectors are
 * applied (Kernel does it when reading a scan file). Rows without a match id, rule id or detect time are skipped,
 * counted in {@link #skippedRows()} and logged as a warning with the table and versions.
 */
public final class FindingsReader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FindingsReader.class);

  private final Engine engine;
  private final LakeDirectory lake;
  /** The last snapshot {@link #latestVersion} saw per table path: the poll's next {@link #read} usually wants it. */
  private final Map<String, Snapshot> latest = new ConcurrentHashMap<>();
  private final AtomicLong skipped = new AtomicLong();

  /** @param lakeRoot a local path or a URI ({@code file:}, or another Hadoop scheme whose file system is present) */
  public FindingsReader(String lakeRoot) {
    Configuration conf = new Configuration();
    this.engine = DefaultEngine.create(conf);
    this.lake = new LakeDirectory(requireNonNull(lakeRoot, "lakeRoot is null"), conf);
  }

  /** The findings tables now under the lake root: every directory with a {@code _delta_log} in each findings database. */
  public List<FindingsTable> tables() {
    return lake.findingsTables();
  }

  /** The table's latest version; empty when it has no commit yet. */
  public OptionalLong latestVersion(FindingsTable table) {
    requireNonNull(table, "table is null");
    try {
      Snapshot snapshot = Table.forPath(engine, table.path()).getLatestSnapshot(engine);
      latest.put(table.path(), snapshot);
      return OptionalLong.of(snapshot.getVersion(engine));
    } catch (TableNotFoundException e) {
      return OptionalLong.empty();
    }
  }

  /** Findings added by versions (afterVersion, upToVersion]; afterVersion -1 = from the start. */
  public FindingsBatch read(FindingsTable table, long afterVersion, long upToVersion) {
    requireNonNull(table, "table is null");
    if (afterVersion < -1 || upToVersion < 0 || upToVersion < afterVersion) {
      throw new IllegalArgumentException("Invalid version range (" + afterVersion + ", " + upToVersion + "] for "
          + table.qualifiedName() + ": expected -1 <= afterVersion <= upToVersion and upToVersion >= 0");
    }
    Table delta = Table.forPath(engine, table.path());
    Snapshot snapshot = snapshot(table, delta, upToVersion);
    Instant commitTime = Instant.ofEpochMilli(snapshot.getTimestamp(engine));
    List<Finding> findings = new ArrayList<>();
    if (afterVersion == upToVersion) {
      return new FindingsBatch(table, afterVersion, upToVersion, commitTime, findings);
    }
    StructType readSchema = readSchema(snapshot.getSchema(engine));
    Scan scan = snapshot.getScanBuilder(engine).withReadSchema(engine, readSchema).build();
    DataFiles files = new DataFiles(engine, scan);
    FindingDecoder decoder = new FindingDecoder(table, readSchema);
    Map<Long, Long> skippedByVersion = new TreeMap<>();
    if (afterVersion == -1) {
      files.readAll(collect(decoder, findings, skippedByVersion, upToVersion));
    } else {
      for (TableChanges.AddedFile added : TableChanges.added(engine, delta, files.tableRoot(), afterVersion + 1,
          upToVersion)) {
        files.read(added.scanFile(), collect(decoder, findings, skippedByVersion, added.version()));
      }
    }
    if (!skippedByVersion.isEmpty()) {
      long count = skippedByVersion.values().stream().mapToLong(Long::longValue).sum();
      skipped.addAndGet(count);
      LOG.warn("Skipped {} rows of {} without p_match_id, p_rule_id or p_detect_time (rows by version: {}); they "
          + "cannot become alerts. Check the writer of {}", count, table.qualifiedName(), skippedByVersion,
          table.path());
    }
    return new FindingsBatch(table, afterVersion, upToVersion, commitTime, findings);
  }

  /** Rows skipped by every {@link #read} so far because a required contract column was null. */
  public long skippedRows() {
    return skipped.get();
  }

  /** Forgets the snapshots kept between {@link #latestVersion} and {@link #read}. */
  @Override
  public void close() {
    latest.clear();
  }

  Engine engine() {
    return engine;
  }

  private Snapshot snapshot(FindingsTable table, Table delta, long version) {
    Snapshot cached = latest.get(table.path());
    if (cached != null && cached.getVersion(engine) == version) {
      return cached;
    }
    try {
      return delta.getSnapshotAsOfVersion(engine, version);
    } catch (TableNotFoundException e) {
      throw new IllegalArgumentException("No Delta table at " + table.path() + " (" + table.qualifiedName()
          + "): it may have been deleted since it was listed", e);
    }
  }

  /** The contract columns the table has, with the table's own types (Kernel refuses any other). */
  private static StructType readSchema(StructType tableSchema) {
    List<StructField> fields = new ArrayList<>();
    for (String name : FindingColumns.READ) {
      int i = tableSchema.indexOf(name);
      if (i >= 0) {
        fields.add(tableSchema.at(i));
      }
    }
    return new StructType(fields);
  }

  private static DataFiles.RowConsumer collect(FindingDecoder decoder, List<Finding> out,
      Map<Long, Long> skippedByVersion, long version) {
    return (batch, row) -> {
      Finding finding = decoder.decode(batch, row);
      if (finding == null) {
        skippedByVersion.merge(version, 1L, Long::sum);
      } else {
        out.add(finding);
      }
      return true;
    };
  }
}
