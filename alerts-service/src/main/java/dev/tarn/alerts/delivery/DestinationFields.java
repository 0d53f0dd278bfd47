package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configuration keys of each destination type, by Panther's field names, and which of them are secret. The API
 * splits a submitted configuration into settings and (encrypted) secrets with {@link #isSecret} and redacts the
 * secrets in responses; {@link DestinationValidation} checks a configuration against these fields.
 */
public final class DestinationFields {
  /** How a value is checked beyond being present. */
  public enum Kind {
    TEXT,
    /** An absolute http or https URL. */
    URL,
    /** Comma-separated values. */
    LIST
  }

  /** One configuration key. */
  public record Field(String name, Kind kind, boolean required, boolean secret, String description) {
    public Field {
      requireNonNull(name, "name is null");
      requireNonNull(kind, "kind is null");
      requireNonNull(description, "description is null");
    }
  }

  private static final Map<DestinationType, List<Field>> FIELDS = buildFields();

  private DestinationFields() {}

  /** The fields of a destination type, required ones first. */
  public static List<Field> of(DestinationType type) {
    return FIELDS.get(requireNonNull(type, "type is null"));
  }

  public static Optional<Field> field(DestinationType type, String name) {
    return of(type).stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The names of the secret fields of a type: encrypt them at rest, never show them. */
  public static Set<String> secretNames(DestinationType type) {
    return of(type).stream().filter(Field::secret).map(Field::name).collect(Collectors.toUnmodifiableSet());
  }

  public static boolean isSecret(DestinationType type, String name) {
    return field(type, name).map(Field::secret).orElse(false);
  }

  private static Map<DestinationType, List<Field>> buildFields() {
    Map<DestinationType, List<Field>> m = new EnumMap<>(DestinationType.class);
    m.put(DestinationType.SLACK, List.of(
        secret("webhookURL", Kind.URL, true, "the Slack incoming webhook URL")));
    m.put(DestinationType.PAGERDUTY, List.of(
        secret("integrationKey", Kind.TEXT, true, "the Events API v2 integration key (32 hexadecimal characters)"),
        plain("apiUrl", Kind.URL, false, "the Events API base URL (default https://events.pagerduty.com)")));
    m.put(DestinationType.OPSGENIE, List.of(
        secret("apiKey", Kind.TEXT, true, "an Opsgenie API integration key"),
        plain("serviceRegion", Kind.TEXT, false, "US or EU (default US)"),
        plain("apiUrl", Kind.URL, false, "the Alert API base URL (default by region: https://api.opsgenie.com "
            + "or https://api.eu.opsgenie.com)")));
    m.put(DestinationType.MSTEAMS, List.of(
        secret("webhookURL", Kind.URL, true, "the Microsoft Teams incoming webhook URL")));
    m.put(DestinationType.JIRA, List.of(
        plain("orgDomain", Kind.URL, true, "the Jira site URL, e.g. https://example.atlassian.net"),
        plain("projectKey", Kind.TEXT, true, "the key of the project that receives the issues, e.g. SEC"),
        plain("userName", Kind.TEXT, true, "the Jira user (e-mail address) the API key belongs to"),
        secret("apiKey", Kind.TEXT, true, "the user's Jira API token"),
        plain("issueType", Kind.TEXT, false, "the issue type name (default Task)"),
        plain("assigneeId", Kind.TEXT, false, "the account id to assign issues to"),
        plain("labels", Kind.LIST, false, "comma-separated labels for the issues")));
    m.put(DestinationType.GITHUB, List.of(
        plain("repoName", Kind.TEXT, true, "the repository as owner/name"),
        secret("token", Kind.TEXT, true, "a token allowed to create issues in the repository"),
        plain("apiUrl", Kind.URL, false, "the REST API base URL (default https://api.github.com; for GitHub "
            + "Enterprise Server https://<host>/api/v3)")));
    m.put(DestinationType.ASANA, List.of(
        secret("personalAccessToken", Kind.TEXT, true, "an Asana personal access token"),
        plain("projectGids", Kind.LIST, true, "comma-separated ids of the projects that receive the tasks"),
        plain("apiUrl", Kind.URL, false, "the API base URL (default https://app.asana.com)")));
    m.put(DestinationType.CUSTOMWEBHOOK, List.of(
        secret("webhookURL", Kind.URL, true, "the URL that receives the alert JSON"),
        secret("hmacSecret", Kind.TEXT, false, "a shared secret (16+ characters); when set, each request carries "
            + "X-Tarn-Signature: sha256=<HMAC-SHA256 of the body>")));
    m.put(DestinationType.SNS, List.of(
        plain("topicArn", Kind.TEXT, true, "the topic ARN, e.g. arn:aws:sns:us-east-1:123456789012:alerts"),
        plain("endpoint", Kind.URL, false, "an SNS endpoint URL (default https://sns.<region of the topic>"
            + ".amazonaws.com)"),
        secret("accessKeyId", Kind.TEXT, false, "an AWS access key id (default: the AWS default credentials chain)"),
        secret("secretAccessKey", Kind.TEXT, false, "the secret access key of accessKeyId"),
        secret("sessionToken", Kind.TEXT, false, "a session token, for temporary credentials")));
    m.put(DestinationType.SQS, List.of(
        plain("queueUrl", Kind.URL, true,
            "the queue URL, e.g. https://sqs.us-east-1.amazonaws.com/123456789012/alerts"),
        plain("region", Kind.TEXT, false, "the queue's AWS region when its URL does not show it (default us-east-1)"),
        plain("endpoint", Kind.URL, false, "an SQS endpoint URL (default https://sqs.<region>.amazonaws.com)"),
        secret("accessKeyId", Kind.TEXT, false, "an AWS access key id (default: the AWS default credentials chain)"),
        secret("secretAccessKey", Kind.TEXT, false, "the secret access key of accessKeyId"),
        secret("sessionToken", Kind.TEXT, false, "a session token, for temporary credentials")));
    return Map.copyOf(m);
  }

  private static Field plain(String name, Kind kind, boolean required, String description) {
    return new Field(name, kind, required, false, description);
  }

  private static Field secret(String name, Kind kind, boolean required, String description) {
    return new Field(name, kind, required, true, description);
  }
}
