package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.asana.AsanaDestination;
import dev.tarn.alerts.delivery.github.GitHubDestination;
import dev.tarn.alerts.delivery.jira.JiraDestination;
import dev.tarn.alerts.delivery.msteams.TeamsDestination;
import dev.tarn.alerts.delivery.opsgenie.OpsgenieDestination;
import dev.tarn.alerts.delivery.pagerduty.PagerDutyDestination;
import dev.tarn.alerts.delivery.slack.SlackDestination;
import dev.tarn.alerts.delivery.sns.SnsDestination;
import dev.tarn.alerts.delivery.sqs.SqsDestination;
import dev.tarn.alerts.delivery.webhook.CustomWebhookDestination;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DestinationsTest {
  @ParameterizedTest
  @MethodSource("dev.tarn.alerts.delivery.DestinationValidationTest#validConfigs")
  void buildsTheDestinationOfEachType(DestinationType type, Map<String, String> settings,
      Map<String, String> secrets) {
    Class<?> expected = switch (type) {
      case SLACK -> SlackDestination.class;
      case PAGERDUTY -> PagerDutyDestination.class;
      case OPSGENIE -> OpsgenieDestination.class;
      case MSTEAMS -> TeamsDestination.class;
      case JIRA -> JiraDestination.class;
      case GITHUB -> GitHubDestination.class;
      case ASANA -> AsanaDestination.class;
      case CUSTOMWEBHOOK -> CustomWebhookDestination.class;
      case SNS -> SnsDestination.class;
      case SQS -> SqsDestination.class;
    };
    Destination d = Destinations.create(TestAlerts.config(type, settings, secrets), TestAlerts.context());
    try {
      assertThat(d).isInstanceOf(expected);
    } finally {
      TestAlerts.close(d);
    }
  }

  @Test
  void anInvalidConfigurationFailsEverySendPermanentlyWithWhatToFix() {
    DestinationConfig broken = TestAlerts.config(DestinationType.PAGERDUTY, Map.of(),
        Map.of("integrationKey", "secret-but-wrong"));
    DeliveryResult result = Destinations.create(broken, TestAlerts.context()).send(TestAlerts.rule());
    assertThat(result.permanent()).isTrue();
    assertThat(result.message())
        .startsWith("Destination 'test pagerduty' (pagerduty) is misconfigured: pagerduty destination: "
            + "'integrationKey' must be 32 hexadecimal characters")
        .doesNotContain("secret-but-wrong");
  }

  @Test
  void onlyDestinationsThatHoldAClientNeedClosing() {
    Destination sqs = Destinations.create(TestAlerts.config(DestinationType.SQS,
        Map.of("queueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/alerts"), Map.of()),
        TestAlerts.context());
    try {
      assertThat(sqs).isInstanceOf(AutoCloseable.class);
    } finally {
      TestAlerts.close(sqs);
    }
    assertThat(Destinations.create(TestAlerts.config(DestinationType.SLACK, Map.of(),
        Map.of("webhookURL", "https://hooks.slack.com/x")), TestAlerts.context()))
        .isNotInstanceOf(AutoCloseable.class);
  }
}
