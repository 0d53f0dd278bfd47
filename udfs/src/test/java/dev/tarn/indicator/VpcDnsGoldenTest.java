package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The indicator values of Panther's {@code vpc_dns_example} golden case, produced by scanning its
 * fields the way a Tarn parser should: {@code hostname} for the query name and each answer.
 */
class VpcDnsGoldenTest {

  @Test
  void reproducesThePantherIndicators() {
    Indicators indicators = new Indicators();
    Scanner.AWS_ACCOUNT_ID.scan("111122223333", indicators);
    Scanner.HOSTNAME.scan("api.example.com.", indicators);
    for (String rdata :
        new String[] {
          "192.0.2.44", "198.51.100.6", "203.0.113.8", "203.0.113.9", "foo@bar.com.",
          "xn--fa-hia.com.", "static-someip.rackbank.com."
        }) {
      Scanner.HOSTNAME.scan(rdata, indicators);
    }
    Scanner.IP.scan("192.0.2.15", indicators);
    Scanner.AWS_INSTANCE_ID.scan("i-0d15cd0d3example", indicators);

    assertThat(indicators.values(IndicatorKind.AWS_ACCOUNT_ID)).containsExactly("111122223333");
    assertThat(indicators.values(IndicatorKind.AWS_INSTANCE_ID)).containsExactly("i-0d15cd0d3example");
    assertThat(indicators.values(IndicatorKind.IP_ADDRESS))
        .containsExactly("192.0.2.15", "192.0.2.44", "198.51.100.6", "203.0.113.8", "203.0.113.9");
    assertThat(indicators.values(IndicatorKind.DOMAIN_NAME))
        .containsExactly("api.example.com", "faß.com", "foo@bar.com", "static-someip.rackbank.com");
  }
}
