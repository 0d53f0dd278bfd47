package dev.tarn.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: the quality job records ten days of ordinary volume, then a day with far fewer rows is flagged as a
 * volume anomaly while an ordinary day is not.
 */
class VolumeAnomalyTest {
  private static final LocalDate FIRST = LocalDate.parse("2026-02-01");
  private static final int[] VOLUMES = {18, 21, 20, 22, 19, 20, 21, 18, 22, 20, 2};
  private static final LocalDate ORDINARY = FIRST.plusDays(9);
  private static final LocalDate DROP = FIRST.plusDays(10);
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-20T00:00:00Z"), ZoneOffset.UTC);

  private static String table;
  private static QualityReport report;

  @BeforeAll
  static void checkElevenDays() {
    List<Object[]> events = new ArrayList<>();
    for (int i = 0; i < VOLUMES.length; i++) {
      events.addAll(QualityProbe.events(VOLUMES[i], FIRST.plusDays(i)));
    }
    table = QualityProbe.write("quality_volume", events);
    report = new QualityJob(TestLake.spark(), TestLake.lake(), QualityProbe.REGISTRY, CLOCK,
        VolumeAnomalyPolicy.DEFAULT).run(List.of(table), FIRST.datesUntil(DROP.plusDays(1)).toList());
  }

  private static QualityResult volumeResult(LocalDate day) {
    return report.results().stream().filter(r -> r.date().equals(day) && r.check().equals("volume anomaly"))
        .findFirst().orElseThrow();
  }

  @Test
  void flagsADayWithFarFewerRows() {
    VolumeAnomaly drop = VolumeAnomalies.check(TestLake.spark(), TestLake.lake(), table, DROP);
    assertThat(drop.anomalous()).isTrue();
    assertThat(drop.volume()).isEqualTo(2);
    assertThat(drop.historyDays()).isEqualTo(10);
    assertThat(drop.expectedMin()).isGreaterThan(2.0).isLessThan(20.1);
    assertThat(drop.expectedMax()).isGreaterThan(20.1);
  }

  @Test
  void doesNotFlagAnOrdinaryDay() {
    assertThat(VolumeAnomalies.check(TestLake.spark(), TestLake.lake(), table, ORDINARY).anomalous()).isFalse();
  }

  @Test
  void recordsTheAnomalyAsAFailedCheck() {
    assertThat(volumeResult(DROP).status()).isEqualTo(QualityResult.FAILED);
    assertThat(volumeResult(DROP).metricValue()).isEqualTo(2.0);
    assertThat(volumeResult(ORDINARY).status()).isEqualTo(QualityResult.PASSED);
  }

  @Test
  void skipsTheVolumeCheckUntilAWeekIsRecorded() {
    assertThat(volumeResult(FIRST.plusDays(6)).status()).isEqualTo(QualityResult.SKIPPED);
    assertThat(volumeResult(FIRST.plusDays(7)).status()).isEqualTo(QualityResult.PASSED);
  }
}
