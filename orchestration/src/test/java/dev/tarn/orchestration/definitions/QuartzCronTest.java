package dev.tarn.orchestration.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuartzCronTest {
  @Test
  void addsSecondsAndLeavesDayOfWeekUnspecified() {
    assertThat(QuartzCron.of("5,20,35,50 * * * *")).isEqualTo("0 5,20,35,50 * * * ?");
    assertThat(QuartzCron.of("0 3 * * *")).isEqualTo("0 0 3 * * ?");
  }

  @Test
  void rejectsADayOfWeekItCannotTranslate() {
    assertThatThrownBy(() -> QuartzCron.of("0 3 * * 1")).hasMessageContaining("day-of-week");
  }
}
