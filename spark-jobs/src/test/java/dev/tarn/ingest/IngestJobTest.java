package dev.tarn.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IngestJobTest {
  private static final String CLOUDTRAIL = """
      {"eventVersion":"1.08","eventTime":"2024-03-01T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.7","eventID":"e-%d","eventType":"AwsApiCall","recipientAccountId":"123456789012","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012"}}""";
  private static SparkSession spark;
  private static Path landing;
  private static IngestStats first;

  @BeforeAll
  static void ingestOnce() throws Exception {
    spark = TestLake.spark();
    landing = TestLake.newDirectory("landing");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      lines.append(CLOUDTRAIL.formatted(i)).append('\n');
    }
    lines.append("\n");                                   // blank: skipped
    lines.append("this is not a log line\n");              // quarantined
    lines.append("{\"Records\":[" + CLOUDTRAIL.formatted(10) + "," + CLOUDTRAIL.formatted(11) + "]}\n");
    write(landing.resolve("cloudtrail/part-1.json"), lines.toString());
    gzip(landing.resolve("cloudtrail/part-2.json.gz"), CLOUDTRAIL.formatted(20) + "\n");
    // A CloudTrail S3 object: one pretty-printed {"Records": [...]} document, streamed element by element.
    gzip(landing.resolve("cloudtrail/123456789012_CloudTrail_us-east-1_20240301T1000Z_abcdEFGH12345678.json.gz"),
        "{\n  \"Records\": [\n    " + CLOUDTRAIL.formatted(40) + ",\n    " + CLOUDTRAIL.formatted(41)
            + ",\n    {\"eventName\": \"MissingRequiredFields\"}\n  ]\n}\n");
    Files.write(landing.resolve("cloudtrail/broken.json.gz"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
    write(landing.resolve("vpc/flows.log"), """
        version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
        2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 50000 6 10 840 1709287200 1709287260 ACCEPT OK
        2 123456789012 eni-1 10.0.0.3 10.0.0.4 22 50001 6 3 120 1709287200 1709287260 REJECT OK
        """);
    first = job().runOnce();
  }

  private static IngestJob job() {
    SourceConfig source = new SourceConfig("test-src", "Test source", landing.toString(), List.of(),
        Map.of("cloudtrail/", List.of("AWS.CloudTrail"), "vpc/", List.of("AWS.VPCFlow", "AWS.CloudTrail")));
    TarnConfig config = new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
        Duration.ofMinutes(1), 100);
    return new IngestJob(spark, config);
  }

  @Test
  void writesAcceptedEventsToTheirLogTables() {
    assertThat(count("select * from panther_logs.aws_cloudtrail where p_source_id = 'test-src' "
        + "and eventID != 'e-30'")).isEqualTo(10);
    assertThat(count("select * from panther_logs.aws_vpcflow where p_source_id = 'test-src'")).isEqualTo(2);
    assertThat(first.total().events()).containsEntry("AWS.CloudTrail", 10L).containsEntry("AWS.VPCFlow", 2L);
  }

  @Test
  void fillsStandardFieldsAndIndicators() {
    Row row = spark.sql("select p_log_type, p_event_time, p_date, p_any_ip_addresses, p_any_aws_account_ids, "
        + "p_any_aws_arns from panther_logs.aws_cloudtrail where eventID = 'e-0' and p_source_id = 'test-src'")
        .first();
    assertThat(row.getString(0)).isEqualTo("AWS.CloudTrail");
    assertThat(row.getTimestamp(1).toInstant()).hasToString("2024-03-01T10:00:00Z");
    assertThat(row.getDate(2)).hasToString("2024-03-01");
    assertThat(row.getList(3)).containsExactly("203.0.113.7");
    assertThat(row.getList(4)).containsExactly("123456789012");
    assertThat(row.getList(5)).containsExactly("arn:aws:iam::123456789012:user/alice");
  }

  @Test
  void quarantinesLinesThatNoParserAccepts() {
    Row q = spark.sql("select line, raw, reason, file_error from tarn_system.quarantine "
        + "where source_id = 'test-src' and file like '%part-1.json'").first();
    assertThat(q.getLong(0)).isEqualTo(7);
    assertThat(q.getString(1)).isEqualTo("this is not a log line");
    assertThat(q.getString(2)).startsWith("AWS.CloudTrail: ");
    assertThat(q.getBoolean(3)).isFalse();
  }

  @Test
  void quarantinesUnreadableFilesWithTheReason() {
    Row q = spark.sql("select reason, file_error from tarn_system.quarantine "
        + "where source_id = 'test-src' and file like '%broken.json.gz'").first();
    assertThat(q.getString(0)).contains("the rest of the file was not read");
    assertThat(q.getBoolean(1)).isTrue();
  }

  @Test
  void reconcilesLineCountsPerFile() {
    List<Row> files = spark.sql("select file, lines_read, lines_with_events, lines_quarantined, lines_skipped "
        + "from tarn_system.ingest_files where source_id = 'test-src' and file not like '%part-3.json'")
        .collectAsList();
    assertThat(files).hasSize(5);
    for (Row f : files) {
      assertThat(f.getLong(1)).as(f.getString(0))
          .isEqualTo(f.getLong(2) + f.getLong(3) + f.getLong(4));
    }
    Row part1 = files.stream().filter(f -> f.getString(0).endsWith("part-1.json")).findFirst().orElseThrow();
    assertThat(part1.getLong(1)).isEqualTo(8);
    assertThat(part1.getLong(3)).isEqualTo(1);
    assertThat(part1.getLong(4)).isEqualTo(1);
  }

  @Test
  void streamsCloudTrailObjectsRecordByRecord() {
    assertThat(count("select * from panther_logs.aws_cloudtrail where eventID in ('e-40', 'e-41')")).isEqualTo(2);
    Row q = spark.sql("select line, reason from tarn_system.quarantine where file like '%_CloudTrail_us-east-1_%'")
        .first();
    assertThat(q.getLong(0)).isEqualTo(3);
    assertThat(q.getString(1)).startsWith("AWS.CloudTrail: required field");
  }

  @Test
  void givesEveryRowAUniqueDeterministicId() {
    Row ids = spark.sql("select count(*), count(distinct p_row_id) from panther_logs.aws_cloudtrail").first();
    assertThat(ids.getLong(0)).isEqualTo(ids.getLong(1));
  }

  @Test
  void recordsTheRunInJobRuns() {
    Row run = spark.sql("select status, files, events['AWS.CloudTrail'] from tarn_system.job_runs "
        + "where job = 'ingest' and source_id = 'test-src' order by started limit 1").first();
    assertThat(run.getString(0)).isEqualTo("succeeded_with_errors");
    assertThat(run.getLong(1)).isEqualTo(5);
    assertThat(run.getLong(2)).isEqualTo(10);
  }

  @Test
  void aSecondRunOnlyTakesNewFiles() throws Exception {
    write(landing.resolve("cloudtrail/part-3.json"), CLOUDTRAIL.formatted(30) + "\n");
    IngestStats second = job().runOnce();
    assertThat(second.total().files()).isEqualTo(1);
    assertThat(count("select * from panther_logs.aws_cloudtrail where eventID = 'e-30'")).isEqualTo(1);
    assertThat(count("select * from panther_logs.aws_cloudtrail where eventID = 'e-0'")).isEqualTo(1);
  }

  private static long count(String sql) {
    return spark.sql(sql).count();
  }

  private static void write(Path path, String text) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, text, StandardCharsets.UTF_8);
  }

  private static void gzip(Path path, String text) throws IOException {
    Files.createDirectories(path.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
