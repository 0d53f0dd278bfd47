package dev.tarn.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorsTest {
  private final Indicators indicators = new Indicators();

  @Test
  void isEmptyWhenNothingWasAdded() {
    assertThat(indicators.isEmpty()).isTrue();
    assertThat(indicators.values(IndicatorKind.IP_ADDRESS)).isEmpty();
  }

  @Test
  void returnsValuesSortedAndDeduplicated() {
    indicators.add(IndicatorKind.DOMAIN_NAME, "b.example.com");
    indicators.add(IndicatorKind.DOMAIN_NAME, "a.example.com");
    indicators.add(IndicatorKind.DOMAIN_NAME, "b.example.com");
    indicators.add(IndicatorKind.DOMAIN_NAME, "B.example.com");

    assertThat(indicators.values(IndicatorKind.DOMAIN_NAME))
        .containsExactly("B.example.com", "a.example.com", "b.example.com");
  }

  @Test
  void dropsNullAndEmptyValues() {
    indicators.add(IndicatorKind.USERNAME, "");
    indicators.add(IndicatorKind.USERNAME, null);

    assertThat(indicators.isEmpty()).isTrue();
  }

  @Test
  void keepsKindsApart() {
    indicators.add(IndicatorKind.MD5, "x");

    assertThat(indicators.isEmpty()).isFalse();
    assertThat(indicators.values(IndicatorKind.SHA1)).isEmpty();
    assertThat(indicators.values(IndicatorKind.MD5)).containsExactly("x");
  }

  @Test
  void clearForgetsEverythingAndAllowsReuse() {
    indicators.add(IndicatorKind.IP_ADDRESS, "10.0.0.1");
    indicators.clear();
    indicators.add(IndicatorKind.IP_ADDRESS, "10.0.0.2");

    assertThat(indicators.values(IndicatorKind.IP_ADDRESS)).containsExactly("10.0.0.2");
  }

  @Test
  void returnedValuesAreASnapshotUnaffectedByLaterChanges() {
    indicators.add(IndicatorKind.EMAIL, "a@example.com");
    List<String> before = indicators.values(IndicatorKind.EMAIL);
    indicators.clear();

    assertThat(before).containsExactly("a@example.com");
    assertThatThrownBy(() -> before.add("b@example.com"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void repeatedReadsGiveTheSameAnswer() {
    indicators.add(IndicatorKind.TRACE_ID, "t2");
    indicators.add(IndicatorKind.TRACE_ID, "t1");
    indicators.add(IndicatorKind.TRACE_ID, "t2");
    indicators.values(IndicatorKind.TRACE_ID);
    indicators.add(IndicatorKind.TRACE_ID, "t1");

    assertThat(indicators.values(IndicatorKind.TRACE_ID)).containsExactly("t1", "t2");
  }

  @Test
  void rejectsNullKind() {
    assertThatThrownBy(() -> indicators.add(null, "x"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("kind is null");
  }
}
