package dev.tarn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VolumeAnomaliesTest {
  private static final LocalDate DAY = LocalDate.parse("2026-05-20");

  private static Map<LocalDate, Long> history(long... volumes) {
    Map<LocalDate, Long> out = new TreeMap<>();
    for (int i = 0; i < volumes.length; i++) {
      out.put(DAY.minusDays(volumes.length - i), volumes[i]);
    }
    return out;
  }

  private static VolumeAnomaly judge(long volume, long... history) {
    return VolumeAnomalies.judge("panther_logs.t", DAY, volume, history(history), VolumeAnomalyPolicy.DEFAULT);
  }

  @Test
  void needsAWeekOfHistory() {
    VolumeAnomaly a = judge(0, 100, 100, 100, 100, 100, 100);
    assertThat(a.status()).isEqualTo(VolumeAnomaly.Status.INSUFFICIENT_HISTORY);
    assertThat(a.expectedMin()).isNull();
  }

  @Test
  void flagsASpike() {
    assertThat(judge(400, 100, 110, 90, 105, 95, 100, 100).anomalous()).isTrue();
  }

  @Test
  void toleratesASmallChangeOfAVerySteadySource() {
    // A heartbeat source: the deviation is 0, so Deequ alone would flag 1,430 against 1,440.
    VolumeAnomaly a = judge(1430, 1440, 1440, 1440, 1440, 1440, 1440, 1440);
    assertThat(a.anomalous()).isFalse();
    assertThat(a.expectedMin()).isEqualTo(1080.0);
    assertThat(a.expectedMax()).isEqualTo(1800.0);
  }

  @Test
  void keepsAWeeklyRhythmInsideTheUsualRange() {
    // Weekdays ~1000, weekends ~300: a weekend day is not an anomaly.
    assertThat(judge(280, 1000, 1050, 980, 1020, 990, 310, 290, 1010, 1000, 970, 1030, 1000, 300, 320).anomalous())
        .isFalse();
  }
}
