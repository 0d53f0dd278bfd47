package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScannerLookupTest {

  @Test
  void findsEveryScannerBySchemaName() {
    assertThat(Arrays.stream(Scanner.values()).map(Scanner::schemaName))
        .containsExactlyInAnyOrder(
            "ip", "domain", "hostname", "url", "md5", "sha1", "sha256", "aws_arn",
            "aws_account_id", "aws_instance_id", "aws_tag", "trace_id", "username", "email",
            "net_addr");
    for (Scanner scanner : Scanner.values()) {
      assertThat(Scanner.forName(scanner.schemaName())).isSameAs(scanner);
    }
  }

  @Test
  void unknownNameErrorListsTheValidNames() {
    assertThatThrownBy(() -> Scanner.forName("ipv4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"ipv4\"")
        .hasMessageContaining("ip, domain, hostname, url");
  }

  @Test
  void hostScannersCanFillBothAddressColumns() {
    assertThat(Scanner.HOSTNAME.produces())
        .containsExactlyInAnyOrder(IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME);
    assertThat(Scanner.URL.produces()).isEqualTo(Scanner.HOSTNAME.produces());
    assertThat(Scanner.NET_ADDR.produces()).isEqualTo(Scanner.HOSTNAME.produces());
  }

  @Test
  void arnScannerCanFillArnAccountAndInstanceColumns() {
    assertThat(Scanner.AWS_ARN.produces())
        .containsExactlyInAnyOrder(
            IndicatorKind.AWS_ARN, IndicatorKind.AWS_ACCOUNT_ID, IndicatorKind.AWS_INSTANCE_ID);
  }

  @Test
  void plainScannersFillOneColumn() {
    assertThat(Scanner.IP.produces()).containsExactly(IndicatorKind.IP_ADDRESS);
    assertThat(Scanner.DOMAIN.produces()).containsExactly(IndicatorKind.DOMAIN_NAME);
    assertThat(Scanner.SHA256.produces()).containsExactly(IndicatorKind.SHA256);
    assertThat(Scanner.AWS_TAG.produces()).containsExactly(IndicatorKind.AWS_TAG);
    assertThat(Scanner.EMAIL.produces()).containsExactly(IndicatorKind.EMAIL);
  }
}
