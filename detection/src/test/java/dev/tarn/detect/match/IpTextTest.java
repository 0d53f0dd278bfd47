package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.indicator.IpAddress;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IpTextTest {
  /** Texts at the edges of the IP grammar; the Spark compiler relies on the regexes agreeing with IpAddress. */
  static final List<String> CANDIDATES = List.of(
      "0.0.0.0", "255.255.255.255", "10.1.2.3", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04",
      "1..2.3", "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\n", "a.b.c.d", "1.2.3.-4", "", ".", "::", "::1", "1::", "1:2:3:4:5:6:7:8",
      "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7::8", "1::2::3", ":1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:", "12345::1", "g::1", "::ffff:10.0.0.1", "::ffff:10.0.0.256", "::10.0.0.1", "1:2:3:4:5:6:1.2.3.4",
      "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "fe80::1%eth0", "[::1]", "2001:DB8::1", "2001:db8:0:0:0:0:2:1",
      "1:2:3:4:5::1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::1.2.3.4:5", ":::", "1:::2", "::ffff:01.2.3.4");

  @Test
  void regexesAcceptExactlyWhatIpAddressAccepts() {
    Pattern v4 = Pattern.compile(IpText.IPV4_REGEX);
    Pattern v6 = Pattern.compile(IpText.IPV6_REGEX);
    for (String s : CANDIDATES) {
      boolean byRegex = v4.matcher(s).find() || v6.matcher(s).find();
      assertThat(byRegex).as("'%s'", s).isEqualTo(IpAddress.isValid(s));
    }
  }

  @Test
  void mapsIpv4ToItsIpv4MappedBits() {
    assertThat(IpText.bits("10.0.0.1")).isEqualTo(IpText.bits("::ffff:10.0.0.1"))
        .isEqualTo("0".repeat(80) + "1".repeat(16) + "00001010" + "0".repeat(23) + "1");
  }

  @Test
  void expandsCompressedIpv6() {
    assertThat(IpText.bits("2001:db8::1")).isEqualTo(IpText.bits("2001:0db8:0000:0000:0000:0000:0000:0001"));
    assertThat(IpText.bits("::")).isEqualTo("0".repeat(128));
  }

  @Test
  void hasNoBitsForInvalidText() {
    assertThat(IpText.bits("10.0.0")).isNull();
  }

  @Test
  void ignoresHostBitsOfABlock() {
    assertThat(Cidr.parse("10.1.2.3/8").prefixBits()).isEqualTo(Cidr.parse("10.0.0.0/8").prefixBits());
  }

  @Test
  void treatsAZeroLengthIpv4BlockAsAllIpv4() {
    Cidr all = Cidr.parse("0.0.0.0/0");
    assertThat(all.contains(IpText.bits("203.0.113.9"))).isTrue();
    assertThat(all.contains(IpText.bits("2001:db8::1"))).isFalse();
  }

  @Test
  void rejectsABlockWithoutLength() {
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0"))
        .hasMessage("'10.0.0.0' is not a CIDR block (e.g. 10.0.0.0/8 or 2001:db8::/32)");
  }

  @Test
  void rejectsAnIpv6PrefixOver128() {
    assertThatThrownBy(() -> Cidr.parse("::/129")).hasMessageContaining("the prefix length is at most 128");
  }

  @Test
  void judgesPrivateAndPublicAddresses() {
    assertThat(IpText.isPrivate("192.168.1.1")).isTrue();
    assertThat(IpText.isPrivate("127.0.0.1")).isTrue();
    assertThat(IpText.isPrivate("fc00::1")).isTrue();
    assertThat(IpText.isPublic("1.1.1.1")).isTrue();
    assertThat(IpText.isPublic("2606:4700::1111")).isTrue();
    assertThat(IpText.isPublic("not an ip")).isFalse();
    assertThat(IpText.isPrivate("not an ip")).isFalse();
  }

  @Test
  void numericTextPatternsRejectSpacesAndTrailingNewlines() {
    assertThat(NumericText.parse("42")).isEqualTo(42L);
    assertThat(NumericText.parse("-1.5e3")).isEqualTo(-1500.0);
    assertThat(NumericText.parse("1234567890123456789")).isEqualTo(1.234567890123456789e18);
    assertThat(NumericText.parse("42\n")).isNull();
    assertThat(NumericText.parse(" 42")).isNull();
    assertThat(NumericText.parse("+42")).isNull();
    assertThat(NumericText.parse("0x10")).isNull();
  }
}
