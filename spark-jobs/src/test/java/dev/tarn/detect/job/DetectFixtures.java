package dev.tarn.detect.job;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Small packs and CloudTrail events for detect-job tests, each test with its own source id and marker values. */
final class DetectFixtures {
  static final String CLOUDTRAIL = """
      {"eventVersion":"1.08","eventTime":"%s","eventSource":"%s","eventName":"%s","awsRegion":"us-east-1",\
      "sourceIPAddress":"203.0.113.7","eventID":"%s","eventType":"AwsApiCall","recipientAccountId":"123456789012",\
      "userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012"},\
      "requestParameters":{"bucketName":"b-%s"}}""";

  private DetectFixtures() {}

  static String event(String time, String source, String name, String id) {
    return CLOUDTRAIL.formatted(time, source, name, id, id);
  }

  /** Ingests CloudTrail lines with the given source id (a landing directory of its own). */
  static void ingest(SparkSession spark, String sourceId, List<String> lines) {
    Path landing = TestLake.newDirectory("landing-" + sourceId);
    write(landing.resolve("cloudtrail/events.json"), String.join("\n", lines) + "\n");
    SourceConfig source = new SourceConfig(sourceId, sourceId, landing.toString(), List.of("AWS.CloudTrail"),
        Map.of());
    try {
      new IngestJob(spark, new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
          Duration.ofMinutes(1), 100)).runOnce();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A config whose detections come from {@code pack}, with a short Python time limit. */
  static TarnConfig config(Path pack) {
    TarnConfig base = new TarnConfig(TestLake.lake().root(), TestLake.newDirectory("unused").toString(), List.of(),
        Duration.ofMinutes(1), 100);
    var d = base.detection();
    return base.withDetection(new dev.tarn.config.DetectionConfig(List.of(pack.toString()), d.runtime(), d.trigger(),
        true, d.pythonPath(), Duration.ofSeconds(3), d.callMemoryBytes(), d.kv(), d.kvTable(), null, null));
  }

  /** Writes a rule: YAML metadata plus Python source (null for a simple detection whose YAML has Detection:). */
  static void rule(Path dir, String id, String yamlBody, String python) {
    String file = id.replace('.', '_');
    StringBuilder yaml = new StringBuilder()
        .append("AnalysisType: rule\n")
        .append("RuleID: ").append(id).append('\n')
        .append("Enabled: true\n")
        .append("LogTypes: [AWS.CloudTrail]\n");
    if (python != null) {
      yaml.append("Filename: ").append(file).append(".py\n");
      write(dir.resolve(file + ".py"), python);
    }
    yaml.append(yamlBody);
    write(dir.resolve(file + ".yml"), yaml.toString());
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
