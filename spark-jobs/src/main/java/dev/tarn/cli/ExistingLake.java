package dev.tarn.cli;

import dev.tarn.lake.Lake;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkHadoopUtil;

/** Commands that only look at a lake (status, health) refuse a lake root that is not there or not readable. */
final class ExistingLake {
  private ExistingLake() {}

  static void require(Lake lake) {
    // Spark's view of Hadoop's settings (spark.hadoop.* included), without starting a session.
    Configuration hadoop = SparkHadoopUtil.get().newConfiguration(new SparkConf());
    Path root = new Path(lake.root());
    try {
      if (!root.getFileSystem(hadoop).exists(root)) {
        throw new UserException("No lake at " + lake.root() + " (point --lake, the 'lake' key of tarn.yaml or "
            + "TARN_LAKE at an existing lake; 'tarn ingest' creates one)");
      }
      root.getFileSystem(hadoop).listStatus(root);
    } catch (IOException e) {
      throw new UserException("Cannot read the lake at " + lake.root() + ": " + e.getMessage()
          + " (check the path, permissions or the S3 credentials)");
    }
  }
}
