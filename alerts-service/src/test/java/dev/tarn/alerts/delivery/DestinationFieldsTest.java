package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DestinationFieldsTest {
  @Test
  void namesTheSecretFieldsOfEachType() {
    assertThat(DestinationFields.secretNames(DestinationType.SLACK)).containsExactly("webhookURL");
    assertThat(DestinationFields.secretNames(DestinationType.PAGERDUTY)).containsExactly("integrationKey");
    assertThat(DestinationFields.secretNames(DestinationType.OPSGENIE)).containsExactly("apiKey");
    assertThat(DestinationFields.secretNames(DestinationType.MSTEAMS)).containsExactly("webhookURL");
    assertThat(DestinationFields.secretNames(DestinationType.JIRA)).containsExactly("apiKey");
    assertThat(DestinationFields.secretNames(DestinationType.GITHUB)).containsExactly("token");
    assertThat(DestinationFields.secretNames(DestinationType.ASANA)).containsExactly("personalAccessToken");
    assertThat(DestinationFields.secretNames(DestinationType.CUSTOMWEBHOOK))
        .containsExactlyInAnyOrder("webhookURL", "hmacSecret");
    assertThat(DestinationFields.secretNames(DestinationType.SNS))
        .containsExactlyInAnyOrder("accessKeyId", "secretAccessKey", "sessionToken");
    assertThat(DestinationFields.secretNames(DestinationType.SQS))
        .containsExactlyInAnyOrder("accessKeyId", "secretAccessKey", "sessionToken");
  }

  @Test
  void identifiersThatLookLikeKeysAreNotSecret() {
    assertThat(DestinationFields.isSecret(DestinationType.JIRA, "projectKey")).isFalse();
    assertThat(DestinationFields.isSecret(DestinationType.SQS, "queueUrl")).isFalse();
    assertThat(DestinationFields.isSecret(DestinationType.SNS, "topicArn")).isFalse();
  }

  @Test
  void unknownFieldsAreNotSecret() {
    assertThat(DestinationFields.isSecret(DestinationType.SLACK, "channel")).isFalse();
  }

  @Test
  void everyTypeHasFields() {
    for (DestinationType type : DestinationType.values()) {
      assertThat(DestinationFields.of(type)).as(type.name()).isNotEmpty();
    }
  }
}
