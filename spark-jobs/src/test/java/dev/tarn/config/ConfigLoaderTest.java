package dev.tarn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path dir;

  @Test
  void worksWithNoFileAtAll() {
    TarnConfig config = ConfigLoader.load(null, Map.of(), List.of());
    assertThat(config.lake()).isEqualTo("./lake");
    assertThat(config.ingestTrigger()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.sources()).singleElement().satisfies(source -> {
      assertThat(source.id()).isEqualTo("landing");
      assertThat(source.candidatesFor("aws_cloudtrail/2024/x.json.gz")).containsExactly("AWS.CloudTrail");
      assertThat(source.candidatesFor("okta_systemlog/a.jsonl")).containsExactly("Okta.SystemLog");
    });
  }

  @Test
  void readsSourcesFromTheFile() throws Exception {
    Path file = write("""
        lake: /data/lake
        sources:
          - id: trail
            location: s3a://bucket/AWSLogs/
            logTypes: [AWS.CloudTrail]
            prefixLogTypes:
              digest/: [AWS.CloudTrailDigest]
        ingest:
          trigger: 30s
        """);
    TarnConfig config = ConfigLoader.load(file, Map.of(), List.of());
    assertThat(config.lakeUri()).isEqualTo("/data/lake");
    assertThat(config.ingestTrigger()).isEqualTo(Duration.ofSeconds(30));
    SourceConfig source = config.sources().get(0);
    assertThat(source.location()).isEqualTo("s3a://bucket/AWSLogs");
    assertThat(source.candidatesFor("digest/x.json")).containsExactly("AWS.CloudTrailDigest");
    assertThat(source.candidatesFor("other/x.json")).containsExactly("AWS.CloudTrail");
  }

  @Test
  void theLongestMatchingPrefixWins() {
    SourceConfig source = new SourceConfig("s", null, "/l", List.of(),
        Map.of("a/", List.of("AWS.CloudTrail"), "a/b/", List.of("AWS.VPCFlow")));
    assertThat(source.candidatesFor("a/b/c.log")).containsExactly("AWS.VPCFlow");
    assertThat(source.candidatesFor("a/c.log")).containsExactly("AWS.CloudTrail");
  }

  @Test
  void environmentOverridesTheFileAndFlagsOverrideTheEnvironment() throws Exception {
    Path file = write("lake: /from/file\n");
    assertThat(ConfigLoader.load(file, Map.of("TARN_LAKE", "/from/env"), List.of()).lake()).isEqualTo("/from/env");
    assertThat(ConfigLoader.load(file, Map.of("TARN_LAKE", "/from/env"), List.of("lake=/from/flag")).lake())
        .isEqualTo("/from/flag");
    assertThat(ConfigLoader.load(null, Map.of("TARN_INGEST_MAX_FILES_PER_TRIGGER", "7"), List.of())
        .maxFilesPerTrigger()).isEqualTo(7);
  }

  @Test
  void sourcesCanBeGivenAsAYamlFlag() {
    TarnConfig config = ConfigLoader.load(null, Map.of(),
        List.of("sources=[{id: a, location: /data, logTypes: [AWS.VPCFlow]}]"));
    assertThat(config.sources()).singleElement().satisfies(s -> assertThat(s.logTypes()).containsExactly("AWS.VPCFlow"));
  }

  @Test
  void anUnknownKeyFailsNamingTheFileAndTheKey() throws Exception {
    Path file = write("lake: /x\ningest:\n  trigers: 5m\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown key 'ingest.trigers'");
  }

  @Test
  void aBadValueFailsSayingWhatIsExpected() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("TARN_INGEST_TRIGGER", "soon"), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable TARN_INGEST_TRIGGER")
        .hasMessageContaining("'soon'")
        .hasMessageContaining("a duration such as 30s");
  }

  @Test
  void anUnknownLogTypeInASourceIsRefused() throws Exception {
    Path file = write("sources:\n  - id: x\n    location: /d\n    logTypes: [AWS.CloudTrial]\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), List.of()))
        .hasMessageContaining("sources[0].logTypes: unknown log type 'AWS.CloudTrial'");
  }

  @Test
  void aMissingConfigFileNamedOnTheCommandLineIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml"), Map.of(), List.of()))
        .hasMessageContaining("does not exist");
  }

  @Test
  void maintenanceHasSafeDefaultsAndKeepsDataForever() {
    MaintainConfig maintain = ConfigLoader.load(null, Map.of(), List.of()).maintain();
    assertThat(maintain.interval()).isEqualTo(Duration.ofHours(1));
    assertThat(maintain.smallFileBytes()).isEqualTo(32L << 20);
    assertThat(maintain.minSmallFiles()).isEqualTo(4);
    assertThat(maintain.zorderFor("aws_cloudtrail")).containsExactly("p_event_time");
    assertThat(maintain.vacuumRetention()).isEqualTo(Duration.ofHours(168));
    assertThat(maintain.retentionFor("aws_cloudtrail")).isEmpty();
  }

  @Test
  void readsMaintenanceAndRetentionByTableOrLogTypeName() throws Exception {
    Path file = write("""
        maintain:
          interval: 30m
          smallFileBytes: 64m
          minSmallFiles: 8
          zorderBy: {default: [p_event_time], AWS.CloudTrail: [p_event_time, sourceIPAddress]}
          vacuumRetention: 14d
        retention: {AWS.CloudTrail: 365d, default: 90d, okta_systemlog: forever}
        """);
    MaintainConfig maintain = ConfigLoader.load(file, Map.of(), List.of()).maintain();
    assertThat(maintain.interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(maintain.smallFileBytes()).isEqualTo(64L << 20);
    assertThat(maintain.minSmallFiles()).isEqualTo(8);
    assertThat(maintain.zorderFor("aws_cloudtrail")).containsExactly("p_event_time", "sourceIPAddress");
    assertThat(maintain.zorderFor("aws_vpcflow")).containsExactly("p_event_time");
    assertThat(maintain.vacuumRetention()).isEqualTo(Duration.ofDays(14));
    assertThat(maintain.retentionFor("aws_cloudtrail")).contains(Duration.ofDays(365));
    assertThat(maintain.retentionFor("aws_vpcflow")).contains(Duration.ofDays(90));
    assertThat(maintain.retentionFor("okta_systemlog")).isEmpty();
  }

  @Test
  void aZeroMaintainIntervalTurnsBackgroundMaintenanceOff() {
    assertThat(ConfigLoader.load(null, Map.of("TARN_MAINTAIN_INTERVAL", "0"), List.of()).maintain().interval())
        .isZero();
  }

  @Test
  void aBadRetentionSaysWhereAndWhatIsExpected() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), List.of("retention={aws_cloudtrail: 1y}")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--set retention")
        .hasMessageContaining("retention.aws_cloudtrail: '1y'")
        .hasMessageContaining("such as 90d");
  }

  @Test
  void aTableNamedTwiceInRetentionIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(),
        List.of("retention={AWS.CloudTrail: 30d, aws_cloudtrail: 60d}")))
        .hasMessageContaining("names table aws_cloudtrail twice");
  }

  @Test
  void aMinSmallFilesBelowTwoIsRefused() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), List.of("maintain.minSmallFiles=1")))
        .hasMessageContaining("invalid value for maintain.minSmallFiles: '1'")
        .hasMessageContaining("an integer >= 2");
  }

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("tarn.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
