package dev.tarn.indicator;

import static dev.tarn.indicator.IndicatorKind.DOMAIN_NAME;
import static dev.tarn.indicator.IndicatorKind.IP_ADDRESS;
import static dev.tarn.indicator.ScannerAssert.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressScannersTest {

  @Test
  void ipKeepsValidAddressesTrimmed() {
    assertThat(scan(Scanner.IP, " 192.0.2.15 ")).isEqualTo(Map.of(IP_ADDRESS, List.of("192.0.2.15")));
  }

  @Test
  void ipAcceptsIpv6Forms() {
    assertThat(scan(Scanner.IP, "::1")).isEqualTo(Map.of(IP_ADDRESS, List.of("::1")));
    assertThat(scan(Scanner.IP, "2001:db8::8a2e:370:7334"))
        .isEqualTo(Map.of(IP_ADDRESS, List.of("2001:db8::8a2e:370:7334")));
  }

  @Test
  void ipIgnoresInvalidAddresses() {
    assertThat(scan(Scanner.IP, "999.1.1.1")).isEmpty();
    assertThat(scan(Scanner.IP, "1.2.3")).isEmpty();
    assertThat(scan(Scanner.IP, "localhost")).isEmpty();
  }

  @Test
  void blankValuesAddNothing() {
    for (Scanner scanner : Scanner.values()) {
      assertThat(scan(scanner, "   ")).as(scanner.schemaName()).isEmpty();
      assertThat(scan(scanner, null)).as(scanner.schemaName()).isEmpty();
    }
  }

  @Test
  void domainDropsTheRootDot() {
    assertThat(scan(Scanner.DOMAIN, "api.example.com."))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("api.example.com")));
  }

  @Test
  void domainDecodesPunycodeLabels() {
    assertThat(scan(Scanner.DOMAIN, "xn--fa-hia.com."))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("faß.com")));
    assertThat(scan(Scanner.DOMAIN, "www.XN--bcher-kva.example"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("www.bücher.example")));
  }

  @Test
  void domainKeepsInvalidPunycodeAsWritten() {
    assertThat(scan(Scanner.DOMAIN, "xn--a-.example"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("xn--a-.example")));
  }

  @Test
  void domainKeepsOddValuesLikePanther() {
    // From the AWS.VPCDns golden case: a CNAME answer is recorded even though it is not a hostname.
    assertThat(scan(Scanner.DOMAIN, "foo@bar.com."))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("foo@bar.com")));
  }

  @Test
  void hostnameIsAnIpWhenItParsesAsOne() {
    assertThat(scan(Scanner.HOSTNAME, "10.0.0.1")).isEqualTo(Map.of(IP_ADDRESS, List.of("10.0.0.1")));
  }

  @Test
  void hostnameIsADomainOtherwise() {
    assertThat(scan(Scanner.HOSTNAME, "cloudtrail.amazonaws.com"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("cloudtrail.amazonaws.com")));
    assertThat(scan(Scanner.HOSTNAME, "999.1.1.1"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("999.1.1.1")));
  }

  @Test
  void hostnameNormalizesDomains() {
    assertThat(scan(Scanner.HOSTNAME, "static-someip.rackbank.com."))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("static-someip.rackbank.com")));
  }

  @Test
  void urlTakesTheHostPastUserinfoAndPort() {
    assertThat(scan(Scanner.URL, "https://user:secret@jira.example.com:8443/browse/X-1?a=1#top"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("jira.example.com")));
  }

  @Test
  void urlWithAnIpHostAddsAnIp() {
    assertThat(scan(Scanner.URL, "http://192.0.2.1/index.html"))
        .isEqualTo(Map.of(IP_ADDRESS, List.of("192.0.2.1")));
  }

  @Test
  void urlUnwrapsBracketedIpv6Hosts() {
    assertThat(scan(Scanner.URL, "http://[2001:db8::1]:8080/")).isEqualTo(Map.of(IP_ADDRESS, List.of("2001:db8::1")));
  }

  @Test
  void urlAcceptsCharactersJavaNetUriRejects() {
    assertThat(scan(Scanner.URL, "https://example.com/search?q={a|b}"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("example.com")));
  }

  @Test
  void urlWithoutAuthorityAddsNothing() {
    assertThat(scan(Scanner.URL, "example.com/path")).isEmpty();
    assertThat(scan(Scanner.URL, "mailto:someone@example.com")).isEmpty();
    assertThat(scan(Scanner.URL, "/api/v4/projects")).isEmpty();
  }

  @Test
  void malformedUrlsAddNothing() {
    assertThat(scan(Scanner.URL, "http://exa mple.com/")).isEmpty();
    assertThat(scan(Scanner.URL, "http://example.com:http/")).isEmpty();
    assertThat(scan(Scanner.URL, "http://[::1/")).isEmpty();
    assertThat(scan(Scanner.URL, "://example.com")).isEmpty();
  }

  @Test
  void netAddrDropsThePort() {
    assertThat(scan(Scanner.NET_ADDR, "10.0.0.1:443")).isEqualTo(Map.of(IP_ADDRESS, List.of("10.0.0.1")));
    assertThat(scan(Scanner.NET_ADDR, "db.internal:5432"))
        .isEqualTo(Map.of(DOMAIN_NAME, List.of("db.internal")));
  }

  @Test
  void netAddrUnwrapsBracketedIpv6() {
    assertThat(scan(Scanner.NET_ADDR, "[::1]:80")).isEqualTo(Map.of(IP_ADDRESS, List.of("::1")));
    assertThat(scan(Scanner.NET_ADDR, "[::1]")).isEqualTo(Map.of(IP_ADDRESS, List.of("::1")));
  }

  @Test
  void netAddrTakesAddressesWithoutPortAsTheyAre() {
    assertThat(scan(Scanner.NET_ADDR, "10.0.0.1")).isEqualTo(Map.of(IP_ADDRESS, List.of("10.0.0.1")));
    assertThat(scan(Scanner.NET_ADDR, "2001:db8::1")).isEqualTo(Map.of(IP_ADDRESS, List.of("2001:db8::1")));
  }
}
