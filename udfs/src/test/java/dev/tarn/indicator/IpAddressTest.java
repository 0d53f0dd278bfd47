package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "10.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "2001:db8::8a2e:370:7334",
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "FE80::1",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "::ffff:192.0.2.128",
        "64:ff9b::192.0.2.33"
      })
  void acceptsAddressLiterals(String text) {
    assertThat(IpAddress.isValid(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "999.1.1.1",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        ".1.2.3",
        "01.2.3.4",
        "1..2.3",
        "256.0.0.1",
        "1.2.3.4 ",
        "cloudtrail.amazonaws.com",
        ":::",
        "1::2::3",
        "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::",
        "12345::",
        "::1:",
        ":1::",
        "fe80::1%eth0",
        "[::1]",
        "::ffff:1.2.3",
        "1.2.3.4::",
        "g::1",
        "10.0.0.0/8",
        "١.٢.٣.٤"
      })
  void rejectsEverythingElse(String text) {
    assertThat(IpAddress.isValid(text)).isFalse();
  }
}
