package dev.tarn.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGeneratorTest {

  private static GenerationReport generate(Path out, GeneratorOptions.Builder options) throws IOException {
    return new LogGenerator(options.build()).write(out);
  }

  @Test
  void sameSeedAndOptionsWriteByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
    GeneratorOptions.Builder options = GeneratorOptions.builder().seed(7).eventsPerType(300).filesPerType(2)
        .gzip(true).cloudTrailRecords(true);
    generate(first, options);
    generate(second, options);

    List<Path> files = GeneratedFiles.tree(first);
    assertThat(files).hasSize(10).isEqualTo(GeneratedFiles.tree(second));
    for (Path file : files) {
      assertThat(Files.readAllBytes(second.resolve(file))).as(file.toString())
          .isEqualTo(Files.readAllBytes(first.resolve(file)));
    }
  }

  @Test
  void differentSeedsWriteDifferentEvents(@TempDir Path first, @TempDir Path second) throws IOException {
    GenerationReport a = generate(first, GeneratorOptions.builder().seed(1).eventsPerType(50)
        .types(LogType.VPC_FLOW));
    GenerationReport b = generate(second, GeneratorOptions.builder().seed(2).eventsPerType(50)
        .types(LogType.VPC_FLOW));

    assertThat(GeneratedFiles.lines(a.files().get(0).path()))
        .isNotEqualTo(GeneratedFiles.lines(b.files().get(0).path()));
  }

  @Test
  void aLogTypesOutputDoesNotDependOnWhichOtherTypesAreWritten(@TempDir Path all, @TempDir Path one)
      throws IOException {
    GenerationReport everything = generate(all, GeneratorOptions.builder().eventsPerType(200));
    GenerationReport okta = generate(one, GeneratorOptions.builder().eventsPerType(200)
        .types(LogType.OKTA_SYSTEM_LOG));

    assertThat(GeneratedFiles.lines(okta.files().get(0).path()))
        .isEqualTo(GeneratedFiles.lines(everything.filesOf(LogType.OKTA_SYSTEM_LOG).get(0).path()));
  }

  @Test
  void writesOneDirectoryPerLogTypeWithTheRequestedEventCount(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(120));

    assertThat(GeneratedFiles.tree(out)).extracting(path -> path.getName(0).toString()).containsExactlyInAnyOrder(
        "aws_cloudtrail", "aws_vpcflow", "aws_s3serveraccess", "okta_systemlog", "github_audit");
    for (LogType type : LogType.values()) {
      assertThat(report.eventsOf(type)).as(type.pantherName()).isEqualTo(120);
    }
    assertThat(GeneratedFiles.lines(report.filesOf(LogType.GITHUB_AUDIT).get(0).path())).hasSize(120);
    assertThat(report.totalEvents()).isEqualTo(600);
    assertThat(report.bytes()).isEqualTo(report.uncompressedBytes()).isPositive();
  }

  @Test
  void perTypeEventCountsOverrideTheDefault(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(50)
        .events(LogType.VPC_FLOW, 333).types(LogType.VPC_FLOW, LogType.S3_SERVER_ACCESS));

    assertThat(report.eventsOf(LogType.VPC_FLOW)).isEqualTo(333);
    assertThat(report.eventsOf(LogType.S3_SERVER_ACCESS)).isEqualTo(50);
  }

  @Test
  void splitsEventsEvenlyAcrossFilesInTimeOrder(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(1000).filesPerType(3)
        .types(LogType.CLOUDTRAIL));

    assertThat(report.filesOf(LogType.CLOUDTRAIL)).extracting(WrittenFile::events).containsExactly(334L, 333L, 333L);
    List<Instant> times = GeneratedFiles.events(report, LogType.CLOUDTRAIL).stream()
        .map(e -> Instant.parse(e.path("eventTime").asText())).toList();
    assertThat(times).isSorted();
    assertThat(times.get(0)).isBetween(GeneratorOptions.DEFAULT_START,
        GeneratorOptions.DEFAULT_START.plusSeconds(60));
    assertThat(times.get(times.size() - 1)).isAfter(GeneratorOptions.DEFAULT_START.plus(Duration.ofMinutes(55)));
  }

  @Test
  void rateSetsTheSpacingOfTimestamps(@TempDir Path out) throws IOException {
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(500).eventsPerSecond(10)
        .start(start).types(LogType.GITHUB_AUDIT).scenarios("none"));

    List<JsonNode> events = GeneratedFiles.events(report, LogType.GITHUB_AUDIT);
    long lastMillis = events.get(events.size() - 1).path("@timestamp").asLong();
    assertThat(Duration.ofMillis(lastMillis - start.toEpochMilli()))
        .isBetween(Duration.ofSeconds(49), Duration.ofSeconds(50));
  }

  @Test
  void gzipFilesAreReadable(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(100).gzip(true));

    assertThat(report.files()).allSatisfy(file -> {
      assertThat(file.path().toString()).endsWith(".gz");
      assertThat(GeneratedFiles.lines(file.path())).hasSizeGreaterThanOrEqualTo(100);
      assertThat(file.bytes()).isLessThan(file.uncompressedBytes());
    });
    assertThat(GeneratedFiles.events(report, LogType.OKTA_SYSTEM_LOG)).hasSize(100);
  }

  @Test
  void vpcFlowFilesStartWithTheHeaderLine(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(100).filesPerType(2)
        .types(LogType.VPC_FLOW));

    assertThat(report.files()).hasSize(2).allSatisfy(file -> {
      List<String> lines = GeneratedFiles.lines(file.path());
      assertThat(lines.get(0)).isEqualTo("version account-id interface-id srcaddr dstaddr srcport dstport "
          + "protocol packets bytes start end action log-status");
      assertThat(lines.subList(1, lines.size())).hasSize(50)
          .allSatisfy(line -> assertThat(line.split(" ")).hasSize(14).startsWith("2", "123456789012"));
    });
  }

  @Test
  void s3AccessLinesHaveTheFieldsOfS3sFormat(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(200)
        .types(LogType.S3_SERVER_ACCESS));

    assertThat(GeneratedFiles.lines(report.files().get(0).path())).hasSize(200).allSatisfy(line -> {
      assertThat(line.split(" ")).hasSizeGreaterThanOrEqualTo(25);
      assertThat(line).matches("[0-9a-f]{64} \\S+ \\[\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] "
          + "\\S+ \\S+ [0-9A-F]{16} (REST|BATCH)\\.\\S+ \\S+ \"[A-Z]+ \\S+ HTTP/1\\.1\" \\d{3} .*");
    });
  }

  @Test
  void sizeTargetIsHonouredApproximately(@TempDir Path out) throws IOException {
    long target = 3L * 1024 * 1024;
    GenerationReport report = generate(out, GeneratorOptions.builder().cloudTrailBytes(target).filesPerType(2)
        .types(LogType.CLOUDTRAIL));

    assertThat(report.uncompressedBytes()).isBetween(target, target + 10_000);
    assertThat(report.filesOf(LogType.CLOUDTRAIL)).hasSize(2)
        .allSatisfy(file -> assertThat(file.uncompressedBytes()).isBetween(target / 2 - 10_000, target / 2 + 10_000));
    assertThat(report.eventsOf(LogType.CLOUDTRAIL)).isGreaterThan(1000);
  }

  @Test
  void cloudTrailRecordsFilesAreNamedAndShapedLikeCloudTrailObjects(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(200).filesPerType(2)
        .cloudTrailRecords(true).types(LogType.CLOUDTRAIL));

    assertThat(report.files()).hasSize(2).allSatisfy(file -> {
      assertThat(file.path().getFileName().toString())
          .matches("^\\d{12}_CloudTrail_[a-z0-9-]+_\\d{8}T\\d{4}Z_\\w+\\.json\\.gz$");
      List<String> lines = GeneratedFiles.lines(file.path());
      assertThat(lines).hasSize(1);
      assertThat(GeneratedFiles.parse(lines.get(0)).path("Records").size()).isEqualTo(100);
    });
    assertThat(GeneratedFiles.events(report, LogType.CLOUDTRAIL)).hasSize(200)
        .allSatisfy(e -> assertThat(e.path("eventVersion").asText()).startsWith("1."));
  }

  @Test
  void cloudTrailIdentitiesCoverTheRealTypes(@TempDir Path out) throws IOException {
    GenerationReport report = generate(out, GeneratorOptions.builder().eventsPerType(1000)
        .types(LogType.CLOUDTRAIL));

    List<JsonNode> events = GeneratedFiles.events(report, LogType.CLOUDTRAIL);
    assertThat(events).extracting(e -> e.path("userIdentity").path("type").asText())
        .contains("IAMUser", "AssumedRole", "AWSService", "Root");
    assertThat(events).filteredOn(e -> e.path("userIdentity").path("type").asText().equals("AssumedRole"))
        .allSatisfy(e -> assertThat(e.path("userIdentity").path("sessionContext").path("sessionIssuer")
            .path("arn").asText()).startsWith("arn:aws:iam::"));
    long readOnly = events.stream().filter(e -> e.path("eventName").asText().matches("(Describe|Get|List).*"))
        .count();
    assertThat(readOnly).isGreaterThan(events.size() / 2);
    assertThat(events).anySatisfy(e -> assertThat(e.path("errorCode").asText()).isNotEmpty());
  }
}
