package dev.tarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.testing.S3ProxyServer;
import dev.tarn.testing.TestLake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ingest works against S3 through S3A: the landing zone and the whole lake (Delta tables, streaming checkpoints) are
 * in one bucket of an S3Proxy on loopback. Runs in its own JVM (failsafe does not reuse forks), because the job
 * registers panther_logs and tarn_system tables at s3a:// locations in the JVM's embedded metastore.
 */
class S3IngestIT {
  private static final String BUCKET = "tarn-it";
  private static final String LAKE = "s3a://" + BUCKET + "/lake";
  private static final String LANDING = "s3a://" + BUCKET + "/landing/";
  private static final String SOURCE = "s3-it";
  private static final String CLOUDTRAIL = """
      {"eventVersion":"1.08","eventTime":"2024-03-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","eventID":"e-%d","eventType":"AwsApiCall","recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012"}}""";

  private static S3ProxyServer s3;
  private static SparkSession spark;
  private static FileSystem bucket;
  private static IngestStats first;

  @BeforeAll
  static void ingestFromTheBucket() throws Exception {
    s3 = S3ProxyServer.start(TestLake.newDirectory("s3proxy"));
    s3.createBucket(BUCKET);
    spark = TestLake.spark();
    // Set before the job starts: the queries copy this configuration, and MicroBatchIngest broadcasts it to tasks.
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    s3.s3aSettings().forEach(hadoop::set);
    hadoop.set("fs.s3a.buffer.dir", TestLake.newDirectory("s3a-buffer").toString());
    // Created now, this is also the instance Hive's metastore client gets from Hadoop's FileSystem cache when the job
    // creates databases and tables in the bucket: the client's copy of the configuration was taken when the session
    // started, without the settings above, and on its own fails with "No AWS Credentials provided".
    bucket = FileSystem.get(URI.create("s3a://" + BUCKET + "/"), hadoop);

    StringBuilder part1 = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      part1.append(CLOUDTRAIL.formatted(i)).append('\n');
    }
    part1.append("this is not a log line\n");
    upload("cloudtrail/part-1.json", part1.toString().getBytes(StandardCharsets.UTF_8));
    upload("cloudtrail/2024/03/01/part-2.json.gz", gzip(CLOUDTRAIL.formatted(20) + "\n"));
    first = job().runOnce();
  }

  @AfterAll
  static void stopS3() {
    if (s3 != null) {
      s3.close();
    }
  }

  @Test
  void writesEventsToTheLogTableInTheBucket() {
    assertThat(table("panther_logs/aws_cloudtrail").where("p_source_id = '" + SOURCE + "' and eventID != 'e-30'")
        .count()).isEqualTo(6);
    assertThat(first.total().events()).containsEntry("AWS.CloudTrail", 6L);
  }

  @Test
  void readsGzippedObjectsInNestedPrefixes() {
    assertThat(table("panther_logs/aws_cloudtrail").where("eventID = 'e-20'").select("p_source_id")
        .collectAsList()).extracting(r -> r.getString(0)).containsExactly(SOURCE);
  }

  @Test
  void quarantinesLinesThatNoParserAcceptsInTheBucket() {
    List<Row> quarantined = table("tarn_system/quarantine").where("source_id = '" + SOURCE + "'")
        .select("file", "line", "raw", "file_error").collectAsList();
    assertThat(quarantined).hasSize(1);
    Row q = quarantined.get(0);
    assertThat(q.getString(0)).isEqualTo(LANDING + "cloudtrail/part-1.json");
    assertThat(q.getLong(1)).isEqualTo(6);
    assertThat(q.getString(2)).isEqualTo("this is not a log line");
    assertThat(q.getBoolean(3)).isFalse();
  }

  @Test
  void keepsTheDeltaLogsAndTheCheckpointInTheBucket() throws IOException {
    assertThat(bucket.exists(new Path(LAKE + "/panther_logs/aws_cloudtrail/_delta_log/00000000000000000000.json")))
        .isTrue();
    assertThat(bucket.exists(new Path(LAKE + "/tarn_system/ingest_files/_delta_log/00000000000000000000.json")))
        .isTrue();
    assertThat(bucket.exists(new Path(LAKE + "/_checkpoints/ingest/" + SOURCE + "/offsets/0"))).isTrue();
  }

  @Test
  void aSecondRunOnlyTakesNewObjects() throws Exception {
    upload("cloudtrail/part-3.json", (CLOUDTRAIL.formatted(30) + "\n").getBytes(StandardCharsets.UTF_8));
    IngestStats second = job().runOnce();
    assertThat(second.total().files()).isEqualTo(1);
    assertThat(second.total().events()).containsExactly(Map.entry("AWS.CloudTrail", 1L));
    Dataset<Row> cloudTrail = table("panther_logs/aws_cloudtrail");
    assertThat(cloudTrail.where("eventID = 'e-30'").count()).isEqualTo(1);
    assertThat(cloudTrail.where("eventID = 'e-0'").count()).isEqualTo(1);
  }

  private static IngestJob job() {
    // Candidates by key prefix: this also checks that keys are made relative to an s3a:// location.
    SourceConfig source = new SourceConfig(SOURCE, "S3 integration test", LANDING, List.of(),
        Map.of("cloudtrail/", List.of("AWS.CloudTrail")));
    return new IngestJob(spark, new TarnConfig(LAKE, LANDING, List.of(source), Duration.ofMinutes(1), 100));
  }

  /** A lake table read by path, not through the metastore. */
  private static Dataset<Row> table(String relativePath) {
    return spark.read().format("delta").load(LAKE + "/" + relativePath);
  }

  private static void upload(String key, byte[] content) throws IOException {
    try (OutputStream out = bucket.create(new Path(LANDING + key), false)) {
      out.write(content);
    }
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
