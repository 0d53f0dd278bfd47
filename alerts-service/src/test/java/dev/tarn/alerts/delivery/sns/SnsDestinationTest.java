package dev.tarn.alerts.delivery.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.RecordingServer;
import dev.tarn.alerts.delivery.TestAlerts;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsDestinationTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:security-alerts";
  private static final String KEY_ID = "AKIDEXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final String PUBLISHED = """
      <PublishResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
        <PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>
        <ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>
      </PublishResponse>""";

  private static String error(String code, String message) {
    return """
        <ErrorResponse xmlns="https://sns.amazonaws.com/doc/2010-03-31/">
          <Error><Type>Sender</Type><Code>%s</Code><Message>%s</Message></Error>
          <RequestId>9dd01905-5012-5f99-8663-4b3ecd0dfaef</RequestId>
        </ErrorResponse>""".formatted(code, message);
  }

  private final DeliveryContext context = DeliveryContext.builder()
      .clock(Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC))
      .requestTimeout(Duration.ofSeconds(5))
      .build();

  private SnsDestination destination(RecordingServer sns, Map<String, String> extraSecrets) {
    Map<String, String> secrets = new HashMap<>(Map.of("accessKeyId", KEY_ID, "secretAccessKey", SECRET_KEY));
    secrets.putAll(extraSecrets);
    return new SnsDestination(TestAlerts.config(DestinationType.SNS,
        Map.of("topicArn", TOPIC, "endpoint", sns.url("")), secrets), context);
  }

  private static Map<String, String> form(RecordingServer.Request request) {
    Map<String, String> form = new LinkedHashMap<>();
    Arrays.stream(request.bodyText().split("&")).map(p -> p.split("=", 2)).forEach(p ->
        form.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    return form;
  }

  @Test
  void publishesTheGenericJsonAndTheEmailTextAsAJsonMessageStructure() throws Exception {
    try (RecordingServer sns = RecordingServer.answering(200, PUBLISHED)) {
      DeliveryResult result = destination(sns, Map.of()).send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      RecordingServer.Request request = sns.onlyRequest();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/");
      assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
      Map<String, String> form = form(request);
      assertThat(form).containsOnlyKeys("Action", "Version", "TopicArn", "Subject", "MessageStructure", "Message");
      assertThat(form).containsEntry("Action", "Publish").containsEntry("Version", "2010-03-31")
          .containsEntry("TopicArn", TOPIC).containsEntry("Subject", "New Alert: Root login from 1.2.3.4")
          .containsEntry("MessageStructure", "json");
      JsonNode message = PayloadJson.parse(form.get("Message"));
      assertThat(message.fieldNames()).toIterable().containsExactlyInAnyOrder("default", "email");
      assertThat(PayloadJson.parse(message.get("default").asText()))
          .isEqualTo(PayloadJson.parse(PayloadJson.text(Notifications.generic(TestAlerts.rule()))));
      assertThat(message.get("email").asText()).isEqualTo(Notifications.plainText(TestAlerts.rule()));
    }
  }

  @Test
  void signsWithSigV4ForSnsInTheTopicsRegion() throws Exception {
    try (RecordingServer sns = RecordingServer.answering(200, PUBLISHED)) {
      destination(sns, Map.of()).send(TestAlerts.rule());

      RecordingServer.Request request = sns.onlyRequest();
      SigV4Check.Authorization auth = SigV4Check.parse(request.header("Authorization"));
      assertThat(auth.accessKey()).isEqualTo(KEY_ID);
      assertThat(auth.date()).isEqualTo("20240506");
      assertThat(auth.region()).isEqualTo("eu-west-1");
      assertThat(auth.service()).isEqualTo("sns");
      assertThat(auth.signedHeaders().split(";")).contains("host", "x-amz-date", "content-type");
      assertThat(request.header("X-Amz-Date")).isEqualTo("20240506T070809Z");
      assertThat(auth.signature()).isEqualTo(SigV4Check.expectedSignature(request, SECRET_KEY));
    }
  }

  @Test
  void temporaryCredentialsSendASignedSessionToken() throws Exception {
    try (RecordingServer sns = RecordingServer.answering(200, PUBLISHED)) {
      destination(sns, Map.of("sessionToken", "FwoGZXIvYXdzEXAMPLE")).send(TestAlerts.rule());

      RecordingServer.Request request = sns.onlyRequest();
      assertThat(request.header("X-Amz-Security-Token")).isEqualTo("FwoGZXIvYXdzEXAMPLE");
      SigV4Check.Authorization auth = SigV4Check.parse(request.header("Authorization"));
      assertThat(auth.signedHeaders().split(";")).contains("x-amz-security-token");
      assertThat(auth.signature()).isEqualTo(SigV4Check.expectedSignature(request, SECRET_KEY));
    }
  }

  @Test
  void aRejectedSubjectIsReplacedByTheGenericOneAndPublishedAgain() {
    try (RecordingServer sns = RecordingServer.answering(200, PUBLISHED)
        .thenAnswer(400, error("InvalidParameter", "Invalid parameter: Subject"))) {
      DeliveryResult result = destination(sns, Map.of()).send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      assertThat(sns.requests()).hasSize(2);
      assertThat(form(sns.requests().get(0))).containsEntry("Subject", "New Alert: Root login from 1.2.3.4");
      assertThat(form(sns.requests().get(1))).containsEntry("Subject", "New Tarn Alert");
    }
  }

  @Test
  void anSnsErrorIsRetryableWithItsCodeAndMessage() {
    try (RecordingServer sns = RecordingServer.answering(403,
        error("AuthorizationError", "User: arn:aws:iam::123456789012:user/tarn is not authorized"))) {
      DeliveryResult result = destination(sns, Map.of()).send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.retryable(403, "SNS error AuthorizationError (HTTP 403): "
          + "User: arn:aws:iam::123456789012:user/tarn is not authorized"));
      assertThat(sns.requests()).hasSize(1);
    }
  }

  @Test
  void aSuccessWithoutAMessageIdIsRetryable() {
    try (RecordingServer sns = RecordingServer.answering(200, "<html>captive portal</html>")) {
      DeliveryResult result = destination(sns, Map.of()).send(TestAlerts.rule());
      assertThat(result.success()).isFalse();
      assertThat(result.permanent()).isFalse();
      assertThat(result.message()).contains("without a MessageId");
    }
  }

  @Test
  void subjectsLoseLineBreaksAndAreCutToOneHundredCharacters() {
    assertThat(SnsPublish.subject("New Alert: a\nb\r\nc")).isEqualTo("New Alert: abc");
    String cut = SnsPublish.subject("New Alert: " + "x".repeat(200));
    assertThat(cut).hasSize(100).endsWith("...");
  }

  @Test
  void theDefaultEndpointFollowsTheTopicsRegionAndPartition() {
    assertThat(TopicArn.parse(TOPIC).orElseThrow().defaultEndpoint())
        .isEqualTo("https://sns.eu-west-1.amazonaws.com");
    assertThat(TopicArn.parse("arn:aws-cn:sns:cn-north-1:123456789012:t").orElseThrow().defaultEndpoint())
        .isEqualTo("https://sns.cn-north-1.amazonaws.com.cn");
  }

  @Test
  void aGuardedDestinationDoesNotPublishToALoopbackEndpoint() {
    try (RecordingServer sns = RecordingServer.answering(200, PUBLISHED)) {
      DeliveryResult result = new SnsDestination(TestAlerts.guarded(TestAlerts.config(DestinationType.SNS,
          Map.of("topicArn", TOPIC, "endpoint", sns.url("")),
          Map.of("accessKeyId", KEY_ID, "secretAccessKey", SECRET_KEY))), context).send(TestAlerts.rule());
      assertThat(result.permanent()).isTrue();
      assertThat(sns.requests()).isEmpty();
    }
  }

  @Test
  void resentAlertsSayResentInTheSubject() {
    AlertNotification resent = new AlertNotification(TestAlerts.ALERT_ID, "R", AlertType.RULE, null, "T", "LOW",
        null, null, null, null, null, TestAlerts.CREATED, null, null, 1, null, true);
    assertThat(SnsPublish.of(TopicArn.parse(TOPIC).orElseThrow(), resent).subject()).isEqualTo("[Re-sent]: T");
  }
}
