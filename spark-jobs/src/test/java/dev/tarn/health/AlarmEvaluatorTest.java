package dev.tarn.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.HealthConfig;
import dev.tarn.lake.JobRun;
import dev.tarn.quality.VolumeAnomaly;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlarmEvaluatorTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final HealthConfig DEFAULTS = HealthConfig.defaults();

  private static HealthSignals signals(List<JobStatus> jobs, List<SourceSignal> sources, QuarantineSignal quarantine,
      AlertsServiceSignal alerts, List<VolumeAnomaly> anomalies) {
    return new HealthSignals(NOW, jobs, sources, List.of(), quarantine, alerts, anomalies, List.of());
  }

  private static HealthSignals sources(SourceSignal... sources) {
    return signals(List.of(), List.of(sources), new QuarantineSignal(0, Map.of()), AlertsServiceSignal.notConfigured(),
        List.of());
  }

  private static List<String> fired(HealthConfig config, HealthSignals signals) {
    return new AlarmEvaluator(config).evaluate(signals).stream().map(a -> a.rule().id() + " " + a.subject()).toList();
  }

  @Test
  void streamLagFiresWhenTheOldestPendingFileIsOlderThanTheThreshold() {
    SourceSignal behind = new SourceSignal("behind", NOW, Duration.ofHours(1), 3L, NOW.minusSeconds(901));
    SourceSignal keepingUp = new SourceSignal("keeping-up", NOW, Duration.ofHours(1), 1L, NOW.minusSeconds(899));

    assertThat(fired(DEFAULTS, sources(behind, keepingUp))).containsExactly("Tarn.Health.StreamLag behind");
  }

  @Test
  void aSourceThatNeverSentDataIsNotSilent() {
    assertThat(fired(DEFAULTS, sources(new SourceSignal("new", null, Duration.ofHours(1), 0L, null)))).isEmpty();
  }

  @Test
  void onlyFailedLatestRunsFireJobFailed() {
    HealthSignals signals = signals(List.of(
            new JobStatus("maintain", "panther_logs.x", NOW, NOW, JobRun.FAILED, "boom"),
            new JobStatus("detect", "aws_cloudtrail", NOW, NOW, JobRun.SUCCEEDED_WITH_ERRORS, "2 rule errors")),
        List.of(), new QuarantineSignal(0, Map.of()), AlertsServiceSignal.notConfigured(), List.of());

    assertThat(fired(DEFAULTS, signals)).containsExactly("Tarn.Health.JobFailed maintain/panther_logs.x");
  }

  @Test
  void quarantineGrowthFiresPerSourceAboveItsThreshold() {
    HealthConfig tolerant = new HealthConfig(DEFAULTS.streamLag(), DEFAULTS.lagLookback(), DEFAULTS.window(), 10, 0,
        DEFAULTS.silentAfter(), Map.of(), true, Map.of(), DEFAULTS.dedupPeriod(), null, null);
    HealthSignals signals = signals(List.of(), List.of(), new QuarantineSignal(100, Map.of("noisy", 11L, "calm", 10L)),
        AlertsServiceSignal.notConfigured(), List.of());

    assertThat(fired(tolerant, signals)).containsExactly("Tarn.Health.QuarantineGrowth noisy");
  }

  @Test
  void deadLettersFireOnlyWhenTheirCountIsKnownAndAboveZero() {
    HealthSignals dead = signals(List.of(), List.of(), new QuarantineSignal(0, Map.of()),
        new AlertsServiceSignal(AlertsServiceSignal.State.UP, "up", 2L), List.of());
    HealthSignals unknown = signals(List.of(), List.of(), new QuarantineSignal(0, Map.of()),
        new AlertsServiceSignal(AlertsServiceSignal.State.DOWN, "down", null), List.of());

    assertThat(fired(DEFAULTS, dead)).containsExactly("Tarn.Health.DeadLetters alerts-service");
    assertThat(fired(DEFAULTS, unknown)).isEmpty();
  }

  @Test
  void volumeAnomalyFiresForAnomalousDaysOnly() {
    LocalDate day = LocalDate.parse("2026-02-28");
    HealthSignals signals = signals(List.of(), List.of(), new QuarantineSignal(0, Map.of()),
        AlertsServiceSignal.notConfigured(), List.of(
            new VolumeAnomaly("panther_logs.dropped", day, 10, 900.0, 1100.0, 28, VolumeAnomaly.Status.ANOMALY, "x"),
            new VolumeAnomaly("panther_logs.usual", day, 1000, 900.0, 1100.0, 28, VolumeAnomaly.Status.NORMAL, "y")));

    assertThat(fired(DEFAULTS, signals)).containsExactly("Tarn.Health.VolumeAnomaly panther_logs.dropped");
  }

  @Test
  void theSameAlarmInTheSameMinuteHasTheSameIdAndInTheNextMinuteAnother() {
    FiredAlarm alarm = new AlarmEvaluator(DEFAULTS).evaluate(sources(
        new SourceSignal("quiet", NOW.minus(Duration.ofHours(2)), Duration.ofHours(1), 0L, null))).get(0);

    assertThat(alarm.matchId(NOW.plusSeconds(59))).isEqualTo(alarm.matchId(NOW)).hasSize(64);
    assertThat(alarm.matchId(NOW.plusSeconds(60))).isNotEqualTo(alarm.matchId(NOW));
  }
}
