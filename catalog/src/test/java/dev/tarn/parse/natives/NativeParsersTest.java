package dev.tarn.parse.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NativeParsersTest {

  @Test
  void createsTheParserForEachNativeTextLogType() {
    assertThat(NativeParsers.create("AWS.VPCFlow")).isInstanceOf(VpcFlowRecordParser.class);
    assertThat(NativeParsers.create("AWS.S3ServerAccess")).isInstanceOf(S3ServerAccessRecordParser.class);
    assertThat(NativeParsers.create("AWS.ALB")).isInstanceOf(AlbRecordParser.class);
    assertThat(NativeParsers.create("Apache.AccessCombined")).isInstanceOf(ApacheAccessRecordParser.class);
    assertThat(NativeParsers.create("Apache.AccessCommon")).isInstanceOf(ApacheAccessRecordParser.class);
    assertThat(NativeParsers.create("Syslog.RFC5424")).isInstanceOf(Syslog5424RecordParser.class);
  }

  @Test
  void createsAFreshParserEveryTime() {
    assertThat(NativeParsers.create("AWS.VPCFlow")).isNotSameAs(NativeParsers.create("AWS.VPCFlow"));
  }

  @Test
  void refusesAnUnknownNameListingTheKnownOnes() {
    assertThatThrownBy(() -> NativeParsers.create("AWS.CloudTrail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown native parser: AWS.CloudTrail (known: AWS.VPCFlow, AWS.S3ServerAccess,")
        .hasMessageContaining(" Syslog.RFC5424, ");
  }
}
