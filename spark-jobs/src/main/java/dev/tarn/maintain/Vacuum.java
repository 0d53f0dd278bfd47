package dev.tarn.maintain;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * VACUUM with a retention, refusing one below the table's {@code delta.deletedFileRetentionDuration} (7 days by
 * default) unless forced: a shorter one can delete files that a running query, a stream or a concurrent writer still
 * reads. VACUUM itself reports no sizes, so the table's files are listed before and after.
 */
final class Vacuum {
  static final String CHECK_KEY = "spark.databricks.delta.retentionDurationCheck.enabled";
  /** Guards the session-wide retention check switch while a forced VACUUM runs. */
  private static final Object CHECK_LOCK = new Object();

  private final SparkSession spark;
  private final ConflictRetry retry;

  Vacuum(SparkSession spark, ConflictRetry retry) {
    this.spark = requireNonNull(spark, "spark is null");
    this.retry = requireNonNull(retry, "retry is null");
  }

  /** Files deleted (dry run: that would be) and their bytes. */
  record Result(long files, long bytes) {}

  Result run(TableRef table, Duration retention, boolean force, boolean dryRun) {
    TableSnapshot snapshot = TableSnapshot.latest(spark, table.path());
    long limit = snapshot.deletedFileRetentionMillis();
    if (retention.toMillis() < limit && !force) {
      throw new VacuumRefusedException("VACUUM of " + table.name() + " refused: retention " + hours(retention.toMillis())
          + " is below the table's delta.deletedFileRetentionDuration (" + hours(limit) + "), so files that "
          + "readers or writers may still need could be deleted. Use a retention of at least " + hours(limit)
          + ", or --force when nothing reads older versions of the table.");
    }
    String sql = "VACUUM delta.`" + table.path() + "` RETAIN " + hoursNumber(retention.toMillis()) + " HOURS"
        + (dryRun ? " DRY RUN" : "");
    Map<String, Long> before = list(table.path());
    if (dryRun) {
      List<Row> paths = vacuum(table, sql, force);
      long bytes = 0;
      for (Row p : paths) {
        bytes += before.getOrDefault(key(p.getString(0)), 0L);
      }
      return new Result(paths.size(), bytes);
    }
    vacuum(table, sql, force);
    Map<String, Long> after = list(table.path());
    long files = 0;
    long bytes = 0;
    // Data files only ever disappear through VACUUM, so what was there before and is gone now is what it deleted.
    for (Map.Entry<String, Long> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        files++;
        bytes += e.getValue();
      }
    }
    return new Result(files, bytes);
  }

  private List<Row> vacuum(TableRef table, String sql, boolean force) {
    if (!force) {
      return retry.call("VACUUM " + table.name(), () -> spark.sql(sql).collectAsList());
    }
    synchronized (CHECK_LOCK) {
      Option<String> previous = spark.conf().getOption(CHECK_KEY);
      spark.conf().set(CHECK_KEY, "false");
      try {
        return retry.call("VACUUM " + table.name(), () -> spark.sql(sql).collectAsList());
      } finally {
        if (previous.isDefined()) {
          spark.conf().set(CHECK_KEY, previous.get());
        } else {
          spark.conf().unset(CHECK_KEY);
        }
      }
    }
  }

  /** Every file of the table outside its transaction log, by path without scheme, with its size. */
  private Map<String, Long> list(String tablePath) {
    Map<String, Long> files = new HashMap<>();
    Path root = new Path(tablePath);
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String path = key(status.getPath().toString());
        if (!path.contains("/_delta_log/")) {
          files.put(path, status.getLen());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + tablePath + ": " + e.getMessage(), e);
    }
    return files;
  }

  private static String key(String path) {
    return new Path(path).toUri().getPath();
  }

  private static String hours(long millis) {
    return hoursNumber(millis) + "h";
  }

  private static String hoursNumber(long millis) {
    return millis % 3_600_000 == 0 ? String.valueOf(millis / 3_600_000) : String.valueOf(millis / 3_600_000.0);
  }
}
