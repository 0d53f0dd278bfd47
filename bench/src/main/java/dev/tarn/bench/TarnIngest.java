package dev.tarn.bench;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.BatchTotals;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Tarn's path, as {@code tarn ingest --once} runs it: one source over the landing directory with candidates
 * [AWS.CloudTrail], classified, normalized (p_* columns, indicators) and appended with the quarantine and bookkeeping
 * tables, into a fresh lake.
 */
final class TarnIngest implements IngestPath {
  private static final String LOG_TYPE = "AWS.CloudTrail";

  private final String tableName;

  TarnIngest(String tableName) {
    this.tableName = tableName;
  }

  @Override
  public String name() {
    return "tarn ingest --once";
  }

  @Override
  public String ingest(SparkSession spark, CloudTrailLanding landing, Path lake) throws Exception {
    String location = landing.directory().toString();
    TarnConfig config = new TarnConfig(lake.toString(), location,
        List.of(new SourceConfig("bench", "benchmark CloudTrail", location, List.of(LOG_TYPE), Map.of())),
        Duration.ofMinutes(1), 1000);
    BatchTotals total = new IngestJob(spark, config).runOnce().total();
    if (total.quarantined() > 0 || total.fileErrors() > 0) {
      throw new IllegalStateException("Tarn quarantined " + total.quarantined() + " lines and could not read "
          + total.fileErrors() + " files of generated CloudTrail (expected none): see tarn_system.quarantine in "
          + lake);
    }
    return new Lake(config.lakeUri()).tablePath(Lake.LOGS_DB, tableName);
  }

  @Override
  public void reset(SparkSession spark) {
    // The tables of the previous run's lake are registered in the session's metastore; a real first ingest has none.
    spark.sql("DROP DATABASE IF EXISTS `" + Lake.LOGS_DB + "` CASCADE");
    spark.sql("DROP DATABASE IF EXISTS `" + Lake.SYSTEM_DB + "` CASCADE");
  }
}
