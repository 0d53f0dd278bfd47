package dev.tarn.detect.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlValuesTest {
  static Object value(String yaml) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) YamlValues.toJava(YamlValues.parse("v: " + yaml, "test"));
    return map.get("v");
  }

  @Test
  void readsLeadingZeroIntegersAsDecimal() {
    assertThat(value("0010")).isEqualTo(10L);
  }

  @Test
  void honoursRadixPrefixes() {
    assertThat(value("0o17")).isEqualTo(15L);
    assertThat(value("0x1f")).isEqualTo(31L);
    assertThat(value("0b101")).isEqualTo(5L);
    assertThat(value("-12")).isEqualTo(-12L);
  }

  @Test
  void keepsIntegersBeyond64BitsExact() {
    assertThat(value("123456789012345678901234567890"))
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
  }

  @Test
  void readsTrueAndFalseInAnyCaseOnly() {
    assertThat(value("TRUE")).isEqualTo(true);
    assertThat(value("tRuE")).isEqualTo(true);
    assertThat(value("no")).isEqualTo("no");
    assertThat(value("on")).isEqualTo("on");
  }

  @Test
  void readsSpecialFloats() {
    assertThat(value(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value("-.Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(value("1e3")).isEqualTo(1000.0);
  }

  @Test
  void quotedScalarsStayStrings() {
    assertThat(value("'12'")).isEqualTo("12");
    assertThat(value("\"null\"")).isEqualTo("null");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(() -> YamlValues.toJava(YamlValues.parse("a: 1\nb: 2\na: 3\n", "test")))
        .isInstanceOf(SpecException.class)
        .hasMessage("duplicate key 'a'; a mapping can hold each key once");
  }

  @Test
  void rejectsSeveralDocuments() {
    assertThatThrownBy(() -> YamlValues.parse("a: 1\n---\nb: 2\n", "test"))
        .isInstanceOf(SpecException.class)
        .hasMessage("more than one YAML document ('---'); put each spec in its own file");
  }

  @Test
  void expandsAliases() {
    Object value = YamlValues.toJava(YamlValues.parse("a: &x {k: 1}\nb: *x\n", "test"));
    assertThat(value).isEqualTo(Map.of("a", Map.of("k", 1L), "b", Map.of("k", 1L)));
  }

  @Test
  void rejectsRecursiveAliases() {
    assertThatThrownBy(() -> YamlValues.toJava(YamlValues.parse("a: &x\n  b: *x\n", "test")))
        .isInstanceOf(SpecException.class)
        .hasMessage("an alias refers to a mapping or list that contains it; remove the cycle");
  }
}
