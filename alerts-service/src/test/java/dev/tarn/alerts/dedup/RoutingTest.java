package dev.tarn.alerts.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Default routing by alert type: an alarm destination (alertTypes [SYSTEM_ERROR]) and rule destinations stay apart. */
class RoutingTest {
  private static final List<String> ALL = List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
  private static final List<DestinationConfig> DESTINATIONS = List.of(
      destination("alarms", List.of(AlertType.SYSTEM_ERROR)),
      destination("soc", List.of(AlertType.RULE, AlertType.RULE_ERROR)),
      destination("everything", List.of()));

  private static DestinationConfig destination(String id, List<AlertType> alertTypes) {
    return new DestinationConfig(id, id, DestinationType.CUSTOMWEBHOOK, Map.of(),
        Map.of("webhookURL", "https://hooks.example/" + id), ALL, alertTypes, false);
  }

  @Test
  void systemErrorsGoToAlarmDestinationsAndThoseThatTakeEveryType() {
    assertThat(Routing.route(null, List.of(), "HIGH", AlertType.SYSTEM_ERROR, DESTINATIONS).destinationIds())
        .containsExactly("alarms", "everything");
  }

  @Test
  void ruleAlertsAndRuleErrorsNeverGoToAnAlarmDestination() {
    assertThat(Routing.route(null, List.of(), "HIGH", AlertType.RULE, DESTINATIONS).destinationIds())
        .containsExactly("soc", "everything");
    assertThat(Routing.route(null, List.of(), "INFO", AlertType.RULE_ERROR, DESTINATIONS).destinationIds())
        .containsExactly("soc", "everything");
  }
}
