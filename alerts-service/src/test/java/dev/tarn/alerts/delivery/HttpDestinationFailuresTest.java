package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every HTTP destination reports receiver errors and unreachable receivers as retryable, like Panther. */
class HttpDestinationFailuresTest {
  /** A valid configuration of {@code type} whose requests go to {@code base} (http://127.0.0.1:port). */
  static DestinationConfig pointingAt(DestinationType type, String base) {
    return switch (type) {
      case SLACK, MSTEAMS -> TestAlerts.config(type, Map.of(), Map.of("webhookURL", base + "/hook"));
      case CUSTOMWEBHOOK -> TestAlerts.config(type, Map.of(), Map.of("webhookURL", base + "/hook",
          "hmacSecret", "0123456789abcdef"));
      case PAGERDUTY -> TestAlerts.config(type, Map.of("apiUrl", base),
          Map.of("integrationKey", "0123456789abcdef0123456789abcdef"));
      case OPSGENIE -> TestAlerts.config(type, Map.of("apiUrl", base), Map.of("apiKey", "k"));
      case JIRA -> TestAlerts.config(type, Map.of("orgDomain", base, "projectKey", "SEC", "userName", "u"),
          Map.of("apiKey", "k"));
      case GITHUB -> TestAlerts.config(type, Map.of("apiUrl", base, "repoName", "a/b"), Map.of("token", "t"));
      case ASANA -> TestAlerts.config(type, Map.of("apiUrl", base, "projectGids", "1"),
          Map.of("personalAccessToken", "t"));
      case SNS -> TestAlerts.config(type, Map.of("endpoint", base,
          "topicArn", "arn:aws:sns:us-east-1:123456789012:alerts"),
          Map.of("accessKeyId", "AKID", "secretAccessKey", "secret"));
      case SQS -> throw new IllegalArgumentException("SQS is tested against ElasticMQ");
    };
  }

  @ParameterizedTest
  @EnumSource(value = DestinationType.class, names = "SQS", mode = EnumSource.Mode.EXCLUDE)
  void aServerErrorIsRetryableWithItsStatus(DestinationType type) {
    try (RecordingServer receiver = RecordingServer.answering(500, "boom")) {
      Destination destination = Destinations.create(pointingAt(type, receiver.url("")), TestAlerts.context());
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.retryable(500, "HTTP 500 from 127.0.0.1: boom"));
      assertThat(receiver.requests()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DestinationType.class, names = "SQS", mode = EnumSource.Mode.EXCLUDE)
  void aClientErrorIsRetryableToo(DestinationType type) {
    try (RecordingServer receiver = RecordingServer.answering(404, "not found")) {
      Destination destination = Destinations.create(pointingAt(type, receiver.url("")), TestAlerts.context());
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result.permanent()).isFalse();
      assertThat(result.statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(value = DestinationType.class, names = "SQS", mode = EnumSource.Mode.EXCLUDE)
  void anUnreachableReceiverIsRetryableWithoutAStatus(DestinationType type) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Destination destination = Destinations.create(pointingAt(type, "http://127.0.0.1:" + closedPort),
        TestAlerts.context());
    DeliveryResult result = destination.send(TestAlerts.rule());

    assertThat(result.success()).isFalse();
    assertThat(result.permanent()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.message()).startsWith("Cannot connect to 127.0.0.1");
  }

  @ParameterizedTest
  @EnumSource(value = DestinationType.class, names = "SQS", mode = EnumSource.Mode.EXCLUDE)
  void withoutAllowPrivateNetworkNothingReachesALoopbackReceiver(DestinationType type) {
    try (RecordingServer receiver = RecordingServer.answering(200, "ok")) {
      Destination destination = Destinations.create(TestAlerts.guarded(pointingAt(type, receiver.url(""))),
          TestAlerts.context());
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result.permanent()).isTrue();
      assertThat(result.message()).contains("127.0.0.1").contains("set allowPrivateNetwork on the destination");
      assertThat(receiver.requests()).isEmpty();
    }
  }
}
