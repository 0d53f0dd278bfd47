package dev.tarn.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.config.HealthConfig;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.ingest.IngestJob;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signals of a source after a real ingest run, with one more file landed since and one line quarantined. */
class SignalCollectorTest {
  private static final String SOURCE = "health-signals";
  private static HealthSignals signals;

  @BeforeAll
  static void ingestThenLandMore() throws Exception {
    Path landing = TestLake.newDirectory(SOURCE);
    Files.writeString(landing.resolve("flows-1.log"), """
        version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status
        2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 50000 6 10 840 1709287200 1709287260 ACCEPT OK
        this line is no flow log
        """);
    SourceConfig source = new SourceConfig(SOURCE, null, landing.toString(), List.of("AWS.VPCFlow"), Map.of());
    new IngestJob(TestLake.spark(), new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
        Duration.ofMinutes(1), 100)).runOnce();
    Files.writeString(landing.resolve("flows-2.log"), "2 123456789012 eni-1 10.0.0.1 10.0.0.2 443 50000 6 10 840 "
        + "1709287200 1709287260 ACCEPT OK\n");
    Files.writeString(landing.resolve("_flows-3.log.tmp"), "being written\n");
    HealthConfig config = new HealthConfig(Duration.ofSeconds(900), Duration.ofHours(24), Duration.ofMinutes(15), 0,
        0, Duration.ofHours(1), Map.of(), false, Map.of(), Duration.ofMinutes(60), null, null);
    signals = new SignalCollector(TestLake.spark(), TestLake.lake(), List.of(source), config, Clock.systemUTC())
        .collect();
  }

  private static SourceSignal source() {
    return signals.sources().stream().filter(s -> s.sourceId().equals(SOURCE)).findFirst().orElseThrow();
  }

  @Test
  void aFileLandedAfterTheIngestRunIsPendingAndHiddenFilesAreNot() {
    assertThat(source().pendingFiles()).isEqualTo(1);
    assertThat(source().oldestPending()).isNotNull();
  }

  @Test
  void theIngestedFileIsTheSourcesLastArrival() {
    assertThat(source().lastArrival()).isNotNull();
    assertThat(source().silent(signals.at())).isFalse();
  }

  @Test
  void theQuarantinedLineCountsAsGrowthOfItsSource() {
    assertThat(signals.quarantine().growthBySource()).containsEntry(SOURCE, 1L);
  }

  @Test
  void theIngestRunsEventsCountForItsLogType() {
    assertThat(signals.volumes()).anySatisfy(v -> {
      assertThat(v.logType()).isEqualTo("AWS.VPCFlow");
      assertThat(v.lastHour()).isPositive();
    });
  }

  @Test
  void theIngestRunIsAJobsLatestRun() {
    assertThat(signals.jobs()).anySatisfy(j -> {
      assertThat(j.job()).isEqualTo("ingest");
      assertThat(j.target()).isEqualTo(SOURCE);
    });
    assertThat(signals.problems()).isEmpty();
  }
}
