package dev.tarn.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

class SearchKindTest {

  @Test
  void picksTheHashColumnByLengthAndLowerCasesTheDigest() {
    assertThat(SearchKind.HASH.indicator("0123456789ABCDEF0123456789ABCDEF"))
        .isEqualTo(new Indicator(SearchKind.HASH, IndicatorKind.MD5, "0123456789abcdef0123456789abcdef"));
    assertThat(SearchKind.HASH.indicator("a".repeat(40)).column()).isEqualTo("p_any_sha1_hashes");
    assertThat(SearchKind.HASH.indicator("a".repeat(64)).column()).isEqualTo("p_any_sha256_hashes");
  }

  @Test
  void normalisesDomainsAsIngestStoresThem() {
    assertThat(SearchKind.DOMAIN.indicator(" api.example.com. ").value()).isEqualTo("api.example.com");
  }

  @Test
  void rejectsAHashOfNoKnownLength() {
    assertThatThrownBy(() -> SearchKind.HASH.indicator("abc123"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--hash 'abc123' is not an MD5, SHA-1 or SHA-256 hex digest (32, 40 or 64 hex digits)");
  }

  @Test
  void rejectsAnIpThatIsNotAnAddress() {
    assertThatThrownBy(() -> SearchKind.IP.indicator("10.0.0.300"))
        .hasMessageContaining("--ip '10.0.0.300' is not an IPv4 or IPv6 address");
  }

  @Test
  void rejectsAnEmailWithoutAt() {
    assertThatThrownBy(() -> SearchKind.EMAIL.indicator("alice")).hasMessageContaining("--email 'alice'");
  }

  @Test
  void rejectsAnArnThatDoesNotParse() {
    assertThatThrownBy(() -> SearchKind.ARN.indicator("arn:nope")).hasMessageContaining("--arn 'arn:nope'");
  }
}
