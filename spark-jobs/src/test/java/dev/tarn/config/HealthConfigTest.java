package dev.tarn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthConfigTest {
  private static HealthConfig load(Map<String, String> env, String... overrides) {
    return ConfigLoader.load(null, env, List.of(overrides)).health();
  }

  @Test
  void defaultsBorrowPanthersAlarms() {
    HealthConfig health = load(Map.of());

    assertThat(health.streamLag()).isEqualTo(Duration.ofSeconds(900));
    assertThat(health.deadLetters()).isZero();
    assertThat(health.quarantineGrowth()).isZero();
    assertThat(health.silentAfter("any-source")).isEqualTo(Duration.ofHours(1));
    assertThat(health.dedupPeriod()).isEqualTo(Duration.ofMinutes(60));
    assertThat(health.alertsUrl()).isNull();
  }

  @Test
  void silentAfterTakesADefaultAndPerSourceIntervals() {
    HealthConfig health = load(Map.of(), "health.silentAfter={default: 2h, okta: 6h}");

    assertThat(health.silentAfter("okta")).isEqualTo(Duration.ofHours(6));
    assertThat(health.silentAfter("cloudtrail")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void theTokenComesFromTheEnvironmentAndIsNeverInTheConfigsText() {
    HealthConfig health = load(Map.of("TARN_HEALTH_ALERTS_TOKEN", "tarn_secret_value",
        "TARN_HEALTH_ALERTS_URL", "http://127.0.0.1:8723/"));

    assertThat(health.alertsToken()).isEqualTo("tarn_secret_value");
    assertThat(health.alertsUrl()).isEqualTo("http://127.0.0.1:8723");
    assertThat(health.toString()).doesNotContain("tarn_secret_value");
  }

  @Test
  void rejectsAnUnknownSeverityNamingTheKey() {
    assertThatThrownBy(() -> load(Map.of(), "health.severity={Tarn.Health.StreamLag: URGENT}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("health.severity.Tarn.Health.StreamLag: 'URGENT'");
  }
}
