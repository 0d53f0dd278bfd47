package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

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
import java.util.List;

/** Builds the {@link Destination} of a configuration. */
public final class Destinations {
  private Destinations() {}

  /**
   * The destination for {@code config}. Never throws for a bad configuration: an invalid one yields a
   * {@link MisconfiguredDestination}, whose sends fail permanently with the validation messages. Close the result when
   * done with it (SQS holds a client).
   */
  public static Destination create(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    requireNonNull(context, "context is null");
    List<String> errors = DestinationValidation.validate(config);
    if (!errors.isEmpty()) {
      return new MisconfiguredDestination(config, String.join("; ", errors));
    }
    try {
      return switch (config.type()) {
        case SLACK -> new SlackDestination(config, context);
        case PAGERDUTY -> new PagerDutyDestination(config, context);
        case OPSGENIE -> new OpsgenieDestination(config, context);
        case MSTEAMS -> new TeamsDestination(config, context);
        case JIRA -> new JiraDestination(config, context);
        case GITHUB -> new GitHubDestination(config, context);
        case ASANA -> new AsanaDestination(config, context);
        case CUSTOMWEBHOOK -> new CustomWebhookDestination(config, context);
        case SNS -> new SnsDestination(config, context);
        case SQS -> new SqsDestination(config, context);
      };
    } catch (RuntimeException e) {
      // Validation passed but a client could not be built (e.g. the AWS SDK refused a setting).
      return new MisconfiguredDestination(config, SecretMask.of(config).apply(String.valueOf(e.getMessage())));
    }
  }
}
