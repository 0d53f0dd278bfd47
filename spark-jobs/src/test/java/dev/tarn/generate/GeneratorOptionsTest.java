package dev.tarn.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void defaultsWriteEveryTypeAndScenario() {
    GeneratorOptions options = GeneratorOptions.builder().build();

    assertThat(options.seed()).isEqualTo(42);
    assertThat(options.types()).containsExactly(LogType.values());
    assertThat(options.eventsFor(LogType.CLOUDTRAIL)).isEqualTo(2000);
    assertThat(options.scenarios()).containsExactlyElementsOf(Scenarios.names());
    assertThat(options.duration()).isEqualTo(Duration.ofHours(1));
    assertThat(options.sizedInBytes(LogType.CLOUDTRAIL)).isFalse();
  }

  @Test
  void aSizeAppliesToCloudTrailOnly() {
    GeneratorOptions options = GeneratorOptions.builder().cloudTrailBytes(1 << 20).build();

    assertThat(options.sizedInBytes(LogType.CLOUDTRAIL)).isTrue();
    assertThat(options.sizedInBytes(LogType.VPC_FLOW)).isFalse();
  }

  @Test
  void rejectsInvalidValuesNamingThem() {
    assertThatThrownBy(() -> GeneratorOptions.builder().eventsPerType(0).build())
        .hasMessage("Invalid events per type: 0 (must be >= 1)");
    assertThatThrownBy(() -> GeneratorOptions.builder().events(LogType.VPC_FLOW, -5).build())
        .hasMessage("Invalid events for AWS.VPCFlow: -5 (must be >= 1)");
    assertThatThrownBy(() -> GeneratorOptions.builder().filesPerType(0).build())
        .hasMessageContaining("Invalid files per type: 0");
    assertThatThrownBy(() -> GeneratorOptions.builder().duration(Duration.ZERO).build())
        .hasMessageContaining("Invalid duration: PT0S");
    assertThatThrownBy(() -> GeneratorOptions.builder().eventsPerSecond(-1).build())
        .hasMessageContaining("Invalid events per second: -1.0");
    assertThatThrownBy(() -> GeneratorOptions.builder().types(java.util.Set.of()).build())
        .hasMessageContaining("No log types selected");
  }

  @Test
  void logTypesParseFromShortPantherOrDirectoryNames() {
    assertThat(LogType.parse("vpcflow")).isEqualTo(LogType.VPC_FLOW);
    assertThat(LogType.parse("AWS.S3ServerAccess")).isEqualTo(LogType.S3_SERVER_ACCESS);
    assertThat(LogType.parse("okta_systemlog")).isEqualTo(LogType.OKTA_SYSTEM_LOG);
    assertThatThrownBy(() -> LogType.parse("syslog")).hasMessageContaining("Unknown log type: 'syslog'");
  }

  @Test
  void sizesParseWithBinaryUnits() {
    assertThat(ByteSize.parse("1GB")).isEqualTo(1L << 30);
    assertThat(ByteSize.parse("512mb")).isEqualTo(512L << 20);
    assertThat(ByteSize.parse("1.5 KiB")).isEqualTo(1536);
    assertThat(ByteSize.parse("20000")).isEqualTo(20000);
    assertThat(ByteSize.format(3L << 20)).isEqualTo("3.0 MB");
    assertThatThrownBy(() -> ByteSize.parse("lots")).hasMessageContaining("Invalid size: 'lots'");
  }
}
