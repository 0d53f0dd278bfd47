package dev.tarn.maintain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.MaintainConfig;
import dev.tarn.testing.TestLake;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaintainLoopTest {
  @Test
  void aZeroIntervalStartsNoBackgroundMaintenance() {
    MaintainConfig off = new MaintainConfig(Duration.ZERO, 1024, 4, List.of(), Map.of(), Duration.ofHours(168),
        Map.of());
    assertThat(MaintainLoop.start(TestLake.spark(), TestLake.lake(), off)).isEmpty();
  }
}
