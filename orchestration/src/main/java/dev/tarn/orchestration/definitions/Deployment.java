package dev.tarn.orchestration.definitions;

import static java.util.Objects.requireNonNull;

/**
 * Where a deployment keeps the assembly jar and tarn.yaml, and the cluster settings the EMR and Databricks
 * definitions name. The committed definitions use {@link #placeholders()}: values marked CHANGE-ME are to be edited
 * (docs/orchestration.md lists them).
 *
 * @param jar the assembly jar on S3, for EMR and EMR Serverless
 * @param config tarn.yaml on S3, shipped to the driver with {@code --files} (it reads ./tarn.yaml)
 * @param databricksJar the assembly jar as a Databricks library (DBFS, a volume or S3)
 * @param databricksConfig tarn.yaml as a path the Databricks driver can read, passed with {@code --config}
 * @param emrServerlessApplicationId the EMR Serverless application (release 7.x: Spark 3.5, Java 17)
 * @param emrServerlessRoleArn the job runtime role of EMR Serverless runs
 * @param databricksSparkVersion the Databricks runtime of the job cluster (15.4 LTS: Spark 3.5)
 * @param databricksNodeType the job cluster's node type
 * @param databricksWorkers the job cluster's number of workers
 */
public record Deployment(String jar, String config, String databricksJar, String databricksConfig,
    String emrServerlessApplicationId, String emrServerlessRoleArn, String databricksSparkVersion,
    String databricksNodeType, int databricksWorkers) {

  public Deployment {
    requireNonNull(jar, "jar is null");
    requireNonNull(config, "config is null");
    requireNonNull(databricksJar, "databricksJar is null");
    requireNonNull(databricksConfig, "databricksConfig is null");
    requireNonNull(emrServerlessApplicationId, "emrServerlessApplicationId is null");
    requireNonNull(emrServerlessRoleArn, "emrServerlessRoleArn is null");
    requireNonNull(databricksSparkVersion, "databricksSparkVersion is null");
    requireNonNull(databricksNodeType, "databricksNodeType is null");
    if (databricksWorkers < 0) {
      throw new IllegalArgumentException("Invalid databricksWorkers: " + databricksWorkers + " (must be >= 0)");
    }
  }

  public static Deployment placeholders() {
    return new Deployment(
        "s3://CHANGE-ME-BUCKET/tarn/tarn-spark-jobs-assembly.jar",
        "s3://CHANGE-ME-BUCKET/tarn/tarn.yaml",
        "dbfs:/FileStore/tarn/tarn-spark-jobs-assembly.jar",
        "/dbfs/FileStore/tarn/tarn.yaml",
        "CHANGE-ME-APPLICATION-ID",
        "arn:aws:iam::CHANGE-ME-ACCOUNT:role/CHANGE-ME-tarn-job-role",
        "15.4.x-scala2.12",
        "i3.xlarge",
        2);
  }
}
