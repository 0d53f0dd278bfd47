package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DestinationValidationTest {
  /** One valid configuration per type: settings, then secrets. */
  static Stream<Arguments> validConfigs() {
    return Stream.of(
        Arguments.of(DestinationType.SLACK, Map.of(), Map.of("webhookURL", "https://hooks.slack.com/services/T/B/X")),
        Arguments.of(DestinationType.PAGERDUTY, Map.of(),
            Map.of("integrationKey", "0123456789abcdef0123456789ABCDEF")),
        Arguments.of(DestinationType.OPSGENIE, Map.of("serviceRegion", "EU"), Map.of("apiKey", "k")),
        Arguments.of(DestinationType.MSTEAMS, Map.of(), Map.of("webhookURL", "https://example.webhook.office.com/x")),
        Arguments.of(DestinationType.JIRA, Map.of("orgDomain", "https://example.atlassian.net", "projectKey", "SEC",
            "userName", "bot@example.com", "labels", "tarn,security"), Map.of("apiKey", "t")),
        Arguments.of(DestinationType.GITHUB, Map.of("repoName", "acme/alerts"), Map.of("token", "t")),
        Arguments.of(DestinationType.ASANA, Map.of("projectGids", "1200000000000001,1200000000000002"),
            Map.of("personalAccessToken", "t")),
        Arguments.of(DestinationType.CUSTOMWEBHOOK, Map.of(),
            Map.of("webhookURL", "https://receiver.example.com/a", "hmacSecret", "0123456789abcdef")),
        Arguments.of(DestinationType.SNS, Map.of("topicArn", "arn:aws:sns:us-east-1:123456789012:alerts"), Map.of()),
        Arguments.of(DestinationType.SQS, Map.of("queueUrl", "https://sqs.us-east-1.amazonaws.com/123456789012/a"),
            Map.of("accessKeyId", "AKID", "secretAccessKey", "s")));
  }

  @ParameterizedTest
  @MethodSource("validConfigs")
  void acceptsAValidConfigurationOfEachType(DestinationType type, Map<String, String> settings,
      Map<String, String> secrets) {
    assertThat(DestinationValidation.validate(type, settings, secrets)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("validConfigs")
  void reportsEachMissingRequiredField(DestinationType type, Map<String, String> settings,
      Map<String, String> secrets) {
    for (DestinationFields.Field field : DestinationFields.of(type)) {
      if (!field.required()) {
        continue;
      }
      Map<String, String> s = without(settings, field.name());
      Map<String, String> x = without(secrets, field.name());
      assertThat(DestinationValidation.validate(type, s, x))
          .contains(type.apiName() + " destination: '" + field.name() + "' is required (" + field.description()
              + ")");
    }
  }

  @Test
  void blankValuesCountAsMissing() {
    assertThat(DestinationValidation.validate(DestinationType.SLACK, Map.of(), Map.of("webhookURL", "  \n")))
        .singleElement().asString().contains("'webhookURL' is required");
  }

  @Test
  void pagerDutyKeysMustBe32HexCharacters() {
    List<String> errors = DestinationValidation.validate(DestinationType.PAGERDUTY, Map.of(),
        Map.of("integrationKey", "not-a-key-but-a-secret"));
    assertThat(errors).singleElement().asString()
        .contains("'integrationKey' must be 32 hexadecimal characters")
        .doesNotContain("not-a-key-but-a-secret");
  }

  @Test
  void opsgenieRegionsAreUsOrEu() {
    assertThat(DestinationValidation.validate(DestinationType.OPSGENIE, Map.of("serviceRegion", "APAC"),
        Map.of("apiKey", "k"))).containsExactly("opsgenie destination: 'serviceRegion' must be US or EU, got 'APAC'");
  }

  @Test
  void urlsMustBeAbsoluteHttpOrHttpsAndAreNotEchoed() {
    List<String> errors = DestinationValidation.validate(DestinationType.SLACK, Map.of(),
        Map.of("webhookURL", "hooks.slack.com/services/T/B/SECRET"));
    assertThat(errors).singleElement().asString()
        .contains("'webhookURL' is not an absolute http or https URL")
        .doesNotContain("SECRET");
    assertThat(DestinationValidation.validate(DestinationType.MSTEAMS, Map.of(),
        Map.of("webhookURL", "file:///etc/passwd"))).hasSize(1);
  }

  @Test
  void sqsQueueUrlsNeedAnAccountAndAQueueName() {
    assertThat(DestinationValidation.validate(DestinationType.SQS,
        Map.of("queueUrl", "https://sqs.us-east-1.amazonaws.com/alerts"), Map.of()))
        .singleElement().asString().contains("'queueUrl' is not an SQS queue URL")
        .contains("expected https://sqs.<region>.amazonaws.com/<account id>/<queue name>");
  }

  @Test
  void snsTopicArnsMustBeSnsArns() {
    assertThat(DestinationValidation.validate(DestinationType.SNS,
        Map.of("topicArn", "arn:aws:sqs:us-east-1:123456789012:alerts"), Map.of()))
        .singleElement().asString().contains("'topicArn' is not an SNS topic ARN")
        .contains("arn:aws:sns:<region>:<12-digit account id>:<topic name>");
  }

  @Test
  void awsKeysComeInPairs() {
    assertThat(DestinationValidation.validate(DestinationType.SNS,
        Map.of("topicArn", "arn:aws:sns:us-east-1:123456789012:alerts"), Map.of("accessKeyId", "AKID")))
        .singleElement().asString().contains("give both 'accessKeyId' and 'secretAccessKey'");
  }

  @Test
  void unknownSettingsAreReportedWithTheLikelyIntendedName() {
    assertThat(DestinationValidation.validate(DestinationType.SLACK, Map.of(),
        Map.of("webhookUrl", "https://hooks.slack.com/x")))
        .contains("slack destination: unknown setting 'webhookUrl', did you mean 'webhookURL'? (known settings: "
            + "webhookURL)");
  }

  @Test
  void secretFieldsMayNotBeStoredAsPlainSettings() {
    assertThat(DestinationValidation.validate(DestinationType.GITHUB,
        Map.of("repoName", "acme/alerts", "token", "ghp_x"), Map.of()))
        .containsExactly("github destination: 'token' is secret and must be stored with the secrets, not the plain "
            + "settings");
  }

  @Test
  void shortHmacSecretsAreRefused() {
    assertThat(DestinationValidation.validate(DestinationType.CUSTOMWEBHOOK, Map.of(),
        Map.of("webhookURL", "https://r.example.com/", "hmacSecret", "short")))
        .singleElement().asString().contains("'hmacSecret' must be at least 16 characters").doesNotContain("short'");
  }

  @Test
  void githubReposAreOwnerSlashName() {
    assertThat(DestinationValidation.validate(DestinationType.GITHUB, Map.of("repoName", "alerts"),
        Map.of("token", "t"))).singleElement().asString().contains("'repoName' must be owner/name");
  }

  @Test
  void jiraLabelsCannotContainSpaces() {
    assertThat(DestinationValidation.validate(DestinationType.JIRA, Map.of("orgDomain", "https://x.atlassian.net",
        "projectKey", "SEC", "userName", "u", "labels", "ok, not ok"), Map.of("apiKey", "t")))
        .singleElement().asString().contains("label 'not ok' contains whitespace");
  }

  @Test
  void asanaProjectIdsAreNumeric() {
    assertThat(DestinationValidation.validate(DestinationType.ASANA, Map.of("projectGids", "12,abc"),
        Map.of("personalAccessToken", "t"))).singleElement().asString().contains("project id 'abc'");
  }

  private static Map<String, String> without(Map<String, String> map, String key) {
    Map<String, String> copy = new HashMap<>(map);
    copy.remove(key);
    return copy;
  }
}
