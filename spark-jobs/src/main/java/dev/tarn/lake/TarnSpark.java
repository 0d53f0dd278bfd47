package dev.tarn.lake;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession Tarn's jobs run in. Under spark-submit (EMR, Databricks) the cluster's settings win and
 * only Delta is added if missing; run locally (no {@code spark.master} given) it gets embedded defaults sized for a
 * small machine: {@code local[2]}, an embedded Derby Hive metastore under the lake, no UI, few shuffle partitions.
 */
public final class TarnSpark {
  private TarnSpark() {}

  public static SparkSession session(Lake lake, String appName) {
    SparkConf conf = new SparkConf(true);
    boolean local = !conf.contains("spark.master");
    conf.setIfMissing("spark.app.name", appName);
    conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.setIfMissing("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    // Delta lists files with this many tasks; the default (10000) made VACUUM take 44 s instead of 6 s on 2 cores.
    conf.setIfMissing("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
    // Ingest caches each micro-batch's parsed rows; a large file becomes one block that spills to disk. Reading it
    // back, Java deserialization keeps every object since its last reset (default: every 100), so the heap would
    // grow with the file. Resetting after each object (a whole column batch) keeps ingest memory bounded.
    conf.setIfMissing("spark.serializer.objectStreamReset", "1");
    // Events carry UTC timestamps; detections see them rendered in Panther's lake layout, which is UTC.
    conf.setIfMissing("spark.sql.session.timeZone", "UTC");
    if (local) {
      applyLocalDefaults(conf, lake);
    }
    SparkSession.Builder builder = SparkSession.builder().config(conf);
    if (local) {
      builder.enableHiveSupport();
    }
    return builder.getOrCreate();
  }

  /**
   * Runs {@code body} in Tarn's session and stops the session afterwards only if this call created it: a session
   * that already exists (a Databricks cluster's, an embedding process's, the tests') is not the job's to stop.
   */
  public static <T> T withSession(Lake lake, String appName, Function<SparkSession, T> body) {
    return withLazySession(lake, appName, session -> body.apply(session.get()));
  }

  /**
   * As {@link #withSession}, but the session is only got (and, when there is none yet, created) if {@code body} asks
   * for it: for commands that often finish without Spark.
   */
  public static <T> T withLazySession(Lake lake, String appName, Function<Supplier<SparkSession>, T> body) {
    boolean owned = SparkSession.getDefaultSession().isEmpty();
    SparkSession[] got = new SparkSession[1];
    try {
      return body.apply(() -> {
        if (got[0] == null) {
          got[0] = session(lake, appName);
        }
        return got[0];
      });
    } finally {
      if (owned && got[0] != null) {
        got[0].stop();
      }
    }
  }

  private static void applyLocalDefaults(SparkConf conf, Lake lake) {
    conf.setMaster(System.getProperty("tarn.spark.master", "local[2]"));
    conf.setIfMissing("spark.driver.host", "127.0.0.1");
    conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "4");
    conf.setIfMissing("spark.default.parallelism", "2");
    conf.setIfMissing("spark.sql.streaming.forceDeleteTempCheckpointLocation", "true");
    conf.setIfMissing("spark.sql.adaptive.enabled", "true");
    // Delta rebuilds table state with this many tasks (default 50): far too many for a small local machine.
    conf.setIfMissing("spark.databricks.delta.snapshotPartitions", "2");
    // The embedded metastore and scratch space live on local disk: under the lake when it is local, else under
    // ./.tarn (a remote lake on one machine still needs a local Derby database).
    String local = lake.isLocal()
        ? Path.of(lake.root().replaceFirst("^file:", "")).toAbsolutePath().toString()
        : Path.of(".tarn").toAbsolutePath().toString();
    conf.setIfMissing("spark.sql.warehouse.dir", lake.root() + "/_warehouse");
    conf.setIfMissing("spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + local + "/_metastore/metastore_db;create=true");
    conf.setIfMissing("spark.hadoop.hive.metastore.schema.verification", "false");
    conf.setIfMissing("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    new java.io.File(local, "_metastore").mkdirs();
    System.setProperty("derby.system.home", local + "/_metastore");
    System.setProperty("derby.stream.error.file", local + "/_metastore/derby.log");
    conf.setIfMissing("spark.local.dir", local + "/_tmp");
  }
}
