package dev.tarn.detect.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventPathTest {

  @Test
  void exactNullBeatsACaseInsensitiveValue() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("a", null);
    event.put("A", 1);
    assertThat(EventPath.resolve(event, List.of(new PathStep.Field("a")))).isNull();
  }

  @Test
  void firstCaseInsensitiveMatchWins() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("User", 1);
    event.put("USER", 2);
    assertThat(EventPath.resolve(event, List.of(new PathStep.Field("user")))).isEqualTo(1);
  }

  @Test
  void aPositionOnAnObjectReadsTheFieldNamedByTheNumber() {
    assertThat(EventPath.resolve(Map.of("0", "zero"), List.of(new PathStep.Index(0)))).isEqualTo("zero");
  }

  @Test
  void aNameOnAListIsMissing() {
    assertThat(EventPath.resolve(Map.of("l", List.of(1)), List.of(new PathStep.Field("l"), new PathStep.Field("0"))))
        .isNull();
  }
}
