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

/**
 * Builds the {@link Destination} of a configuration: the entry point of alert delivery.
 *
 * <p>What each type sends (payloads follow Panther's, with "View in Tarn" links; see {@link Notifications}):
 * <ul>
 *   <li>slack: webhook POST, one attachment (title, severity color, link, runbook, severity);</li>
 *   <li>pagerduty: Events v2 trigger to {@code /v2/enqueue}, dedup key = alert id, custom details = generic JSON;</li>
 *   <li>opsgenie: {@code /v2/alerts} with {@code GenieKey} auth, alias = alert id, HTML description, P1–P5;</li>
 *   <li>msteams: webhook POST of a MessageCard with facts and a "View in Tarn" action;</li>
 *   <li>jira: {@code /rest/api/latest/issue/} with basic auth, description in Jira wiki markup;</li>
 *   <li>github: {@code /repos/<owner>/<repo>/issues} with a bearer token, Markdown body;</li>
 *   <li>asana: {@code /api/1.0/tasks} with a bearer token, notes = the plain-text message;</li>
 *   <li>customwebhook: the generic JSON, {@code X-Tarn-Alert-Id}, and {@code X-Tarn-Signature} when signed;</li>
 *   <li>sns: SigV4-signed query-protocol Publish, message structure {@code default} (JSON) / {@code email};</li>
 *   <li>sqs: SendMessage of the generic JSON with the AWS SDK.</li>
 * </ul>
 * Every request passes the {@link NetworkGuard} first. Outcomes follow Panther: 2xx delivered, any other status or a
 * network error retryable, a request that cannot be built (bad configuration, refused address) permanent.
 */
public final class Destinations {
  private Destinations() {}

  /**
   * The destination for {@code config}. Never throws for a bad configuration: an invalid one yields a
   * {@link MisconfiguredDestination}, whose sends fail permanently with the validation messages. A destination that
   * holds a client (SQS) is also {@link AutoCloseable}: close it when done with it.
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
