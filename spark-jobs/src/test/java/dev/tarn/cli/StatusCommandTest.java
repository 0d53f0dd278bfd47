package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.config.ConfigLoader;
import dev.tarn.config.TarnConfig;
import dev.tarn.health.HealthFixtures;
import dev.tarn.lake.JobRun;
import dev.tarn.lake.JobRuns;
import dev.tarn.lake.LakeTables;
import dev.tarn.testing.TestLake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** tarn status on a small lake: an ingest run with events, a silent source, a source that sends. */
class StatusCommandTest {
  private static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");
  private static TarnConfig config;

  @BeforeAll
  static void lake() {
    HealthFixtures.ingested("status-quiet", "file:/landing/quiet/a.json", NOW.minus(Duration.ofHours(5)));
    HealthFixtures.ingested("status-busy", "file:/landing/busy/a.json", NOW.minus(Duration.ofMinutes(2)));
    JobRuns.append(TestLake.spark(), new LakeTables(TestLake.spark(), TestLake.lake()),
        new JobRun("ingest", "status-run", "status-busy", 7L, NOW.minusSeconds(150), NOW.minusSeconds(120),
            JobRun.SUCCEEDED, 1L, 100L, Map.of("Status.Test", 42L), Map.of(), 0L, "1 file", Map.of()));
    config = ConfigLoader.load(null, Map.of(), List.of("lake=" + TestLake.lake().root(),
        "sources=" + HealthFixtures.sources("status-quiet", "status-busy"), "health.volumeAnomalies=false"));
  }

  private static String status(StatusCommand.Format format) {
    StatusCommand command = new StatusCommand();
    command.format = format;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertThat(command.run(TestLake.spark(), TestLake.lake(), config, Clock.fixed(NOW, ZoneOffset.UTC))).isZero();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void textShowsJobsSourcesEventsQuarantineAndTheAlertsService() {
    String out = status(StatusCommand.Format.text);

    assertThat(out).containsPattern("ingest +status-busy +2m ago +succeeded +1 file")
        .containsPattern("status-quiet +5h ago +1h +0s +0 +SILENT")
        .containsPattern("status-busy +2m ago +1h +0s +0 +ok")
        .containsPattern("Status.Test +42 +42")
        .contains("Quarantine: ", "Alerts service: not configured", "Dead-lettered deliveries: unknown");
  }

  @Test
  void jsonHasTheSameSignals() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(status(StatusCommand.Format.json));

    assertThat(doc.path("sources").findValuesAsText("id")).containsExactly("status-quiet", "status-busy");
    assertThat(doc.path("sources").get(0).path("silent").asBoolean()).isTrue();
    assertThat(doc.path("sources").get(1).path("silent").asBoolean()).isFalse();
    assertThat(doc.path("events").findValuesAsText("logType")).contains("Status.Test");
    assertThat(doc.path("alertsService").path("state").asText()).isEqualTo("NOT_CONFIGURED");
  }
}
