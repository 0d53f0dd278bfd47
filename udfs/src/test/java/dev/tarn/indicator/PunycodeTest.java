package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PunycodeTest {

  @Test
  void decodesRfc3492Samples() {
    assertThat(Punycode.decode("bcher-kva")).isEqualTo("bücher");
    assertThat(Punycode.decode("fa-hia")).isEqualTo("faß");
    assertThat(Punycode.decode("ihqwcrb4cv8a8dqg056pqjye")).isEqualTo("他们为什么不说中文");
    assertThat(Punycode.decode("-> $1.00 <--")).isEqualTo("-> $1.00 <-");
  }

  @Test
  void rejectsInvalidInput() {
    assertThat(Punycode.decode("a-")).isEqualTo("a"); // only basic code points: valid
    assertThat(Punycode.decode("99999999999")).isNull();
    assertThat(Punycode.decode("ü-abc")).isNull();
    assertThat(Punycode.decode("abc!")).isNull();
  }
}
