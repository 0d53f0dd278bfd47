package dev.tarn.cli;

import dev.tarn.config.TarnConfig;
import dev.tarn.glue.GlueClients;
import dev.tarn.glue.GlueSyncJob;
import dev.tarn.glue.GlueSyncReport;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.GlueClient;

@Command(name = "gluesync", mixinStandardHelpOptions = true,
    description = "Publish the lake's databases and Delta tables to the AWS Glue Data Catalog so Athena can query "
        + "them; creates what is missing and updates tables whose schema evolved")
public final class GlueSyncCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Option(names = "--dry-run", description = "Print the planned changes and send no writes to Glue")
  boolean dryRun;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the SDK's chain, AWS_REGION)")
  String region;

  @Option(names = "--endpoint", paramLabel = "URL", description = "Glue endpoint to use instead of the region's")
  String endpoint;

  @Option(names = "--catalog-id", paramLabel = "ID", description = "Glue catalog (AWS account id); default: yours")
  String catalogId;

  @Option(names = "--database", paramLabel = "DB",
      description = "Database to publish (repeatable; default: those of panther_logs, panther_rule_matches, "
          + "panther_rule_errors, panther_cloudsecurity the lake has; tarn_system only when named)")
  List<String> databases = new ArrayList<>();

  @Option(names = "--prefix", paramLabel = "P", description = "Only tables whose name starts with P")
  String prefix;

  @Override
  public Integer call() {
    URI endpointUri = parseEndpoint();
    TarnConfig config = global.load();
    Lake lake = new Lake(config.lakeUri());
    SparkSession spark = TarnSpark.session(lake, "tarn-gluesync");
    try (GlueClient glue = GlueClients.create(region, endpointUri, null)) {
      if (!lake.root().startsWith("s3")) {
        System.out.println("warning: the lake (" + lake.root() + ") is not on S3; Athena can only read tables at "
            + "s3:// locations");
      }
      GlueSyncReport report;
      try {
        report = new GlueSyncJob(spark, lake, glue)
            .run(new GlueSyncJob.Options(databases, prefix, dryRun, catalogId), System.out::println);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage() + " (--database)");
      } catch (SdkClientException e) {
        throw new UserException("cannot call Glue: " + e.getMessage() + ". Give AWS credentials (AWS_PROFILE, "
            + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or an instance role) and a region (--region or AWS_REGION)"
            + (endpointUri == null ? "" : "; check that --endpoint " + endpointUri + " is reachable"));
      }
      report.failures().forEach(f -> System.out.println("error: " + f));
      System.out.println("gluesync: " + report.summary());
      return report.failures().isEmpty() ? 0 : 1;
    } catch (SdkClientException e) {
      throw new UserException("cannot create the Glue client: " + e.getMessage()
          + ". Give a region with --region or AWS_REGION.");
    } finally {
      spark.stop();
    }
  }

  private URI parseEndpoint() {
    if (endpoint == null) {
      return null;
    }
    try {
      URI uri = URI.create(endpoint);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("no scheme or host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid --endpoint '" + endpoint + "' (expected a URL like "
          + "https://glue.eu-west-1.amazonaws.com): " + e.getMessage());
    }
  }
}
