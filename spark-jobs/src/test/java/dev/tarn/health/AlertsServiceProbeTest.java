package dev.tarn.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.service.AlertsConfig;
import dev.tarn.alerts.service.AlertsService;
import dev.tarn.testing.TestLake;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe against the real alerts service on loopback (H2 under a temporary lake). */
class AlertsServiceProbeTest {
  private static final String ADMIN = "tarn_health_probe_admin_token_0123456789";
  private static AlertsService service;
  private static String url;

  @BeforeAll
  static void startService() {
    Map<String, String> env = Map.of("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]),
        "TARN_ALERTS_ADMIN_TOKEN", ADMIN);
    AlertsConfig config = AlertsConfig.load(null, env, List.of(
        "lake=" + TestLake.newDirectory("health-alerts").resolve("lake"), "alerts.port=0"));
    service = AlertsService.open(config, env);
    service.bootstrapAdminToken(env);
    service.start();
    url = "http://127.0.0.1:" + service.port();
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @Test
  void aRunningServiceWithAValidTokenIsUpWithItsDeadLetterCount() {
    AlertsServiceSignal signal = new AlertsServiceProbe(url, ADMIN).probe();

    assertThat(signal.state()).isEqualTo(AlertsServiceSignal.State.UP);
    assertThat(signal.deadLetters()).as(signal.detail()).isZero();
  }

  @Test
  void aRefusedTokenLeavesDeadLettersUnknownWithoutPrintingTheToken() {
    AlertsServiceSignal signal = new AlertsServiceProbe(url, "tarn_not_a_valid_token").probe();

    assertThat(signal.state()).isEqualTo(AlertsServiceSignal.State.UP);
    assertThat(signal.deadLetters()).isNull();
    assertThat(signal.detail()).contains("refused the token").doesNotContain("tarn_not_a_valid_token");
  }

  @Test
  void noAnswerIsDown() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    AlertsServiceSignal signal = new AlertsServiceProbe("http://127.0.0.1:" + port, ADMIN).probe();

    assertThat(signal.state()).isEqualTo(AlertsServiceSignal.State.DOWN);
    assertThat(signal.deadLetters()).isNull();
  }

  @Test
  void noUrlIsNotConfigured() {
    assertThat(new AlertsServiceProbe(null, null).probe().state())
        .isEqualTo(AlertsServiceSignal.State.NOT_CONFIGURED);
  }
}
