package dev.tarn.alerts.delivery.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.TestAlerts;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Against ElasticMQ, a real SQS-compatible server, in-process on a free port. */
class SqsDestinationTest {
  private static SQSRestServer server;
  private static String endpoint;
  private static SqsClient reader;

  @BeforeAll
  static void startElasticMq() {
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
    int port = server.waitUntilStarted().localAddress().getPort();
    endpoint = "http://127.0.0.1:" + port;
    reader = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(URI.create(endpoint))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
        .build();
  }

  @AfterAll
  static void stopElasticMq() {
    reader.close();
    server.stopAndWait();
  }

  private static String createQueue(String name) {
    return reader.createQueue(b -> b.queueName(name)).queueUrl();
  }

  private static DestinationConfig config(String queueUrl, String endpointUrl) {
    return TestAlerts.config(DestinationType.SQS, Map.of("queueUrl", queueUrl, "endpoint", endpointUrl),
        Map.of("accessKeyId", "AKIDTEST", "secretAccessKey", "test-secret"));
  }

  private static List<Message> receive(String queueUrl) {
    return reader.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
  }

  @Test
  void sendsTheGenericNotificationAsOneMessage() throws Exception {
    String queueUrl = createQueue("tarn-alerts");
    try (SqsDestination destination = new SqsDestination(config(queueUrl, endpoint), TestAlerts.context())) {
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result).isEqualTo(DeliveryResult.delivered(200));
      List<Message> messages = receive(queueUrl);
      assertThat(messages).hasSize(1);
      assertThat(PayloadJson.parse(messages.get(0).body()))
          .isEqualTo(PayloadJson.parse(PayloadJson.text(Notifications.generic(TestAlerts.rule()))));
    }
  }

  @Test
  void aMissingQueueIsRetryableWithTheSqsErrorCode() {
    String missing = createQueue("tarn-present").replace("tarn-present", "tarn-missing");
    try (SqsDestination destination = new SqsDestination(config(missing, endpoint), TestAlerts.context())) {
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result.success()).isFalse();
      assertThat(result.permanent()).isFalse();
      assertThat(result.statusCode()).isEqualTo(400);
      assertThat(result.message()).isEqualTo(
          "SQS error QueueDoesNotExist (HTTP 400) for queue tarn-missing: The specified queue does not exist.");
    }
  }

  @Test
  void anUnreachableEndpointIsRetryableWithoutAStatus() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String down = "http://127.0.0.1:" + closedPort;
    try (SqsDestination destination = new SqsDestination(config(down + "/000000000000/q", down),
        TestAlerts.context())) {
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result.success()).isFalse();
      assertThat(result.permanent()).isFalse();
      assertThat(result.statusCode()).isNull();
      assertThat(result.message()).startsWith("Cannot send to SQS queue q");
    }
  }

  @Test
  void aGuardedDestinationDoesNotSendToALoopbackQueue() {
    String queueUrl = createQueue("tarn-guarded");
    try (SqsDestination destination = new SqsDestination(TestAlerts.guarded(config(queueUrl, endpoint)),
        TestAlerts.context())) {
      DeliveryResult result = destination.send(TestAlerts.rule());

      assertThat(result.permanent()).isTrue();
      assertThat(result.message()).contains("set allowPrivateNetwork on the destination");
      assertThat(receive(queueUrl)).isEmpty();
    }
  }

  @Test
  void queueUrlsOfAwsShowTheirRegion() {
    assertThat(QueueUrl.parse("https://sqs.eu-central-1.amazonaws.com/123456789012/alerts").orElseThrow().region())
        .hasValue("eu-central-1");
    assertThat(QueueUrl.parse("https://us-west-2.queue.amazonaws.com/123456789012/alerts.fifo").orElseThrow()
        .region()).hasValue("us-west-2");
    assertThat(QueueUrl.parse("http://localhost:9324/000000000000/alerts").orElseThrow().region()).isEmpty();
  }

  @Test
  void urlsWithoutAccountAndQueueAreNotQueueUrls() {
    assertThat(QueueUrl.parse("https://sqs.us-east-1.amazonaws.com/alerts")).isEmpty();
    assertThat(QueueUrl.parse("https://sqs.us-east-1.amazonaws.com/1/2/3")).isEmpty();
    assertThat(QueueUrl.parse("ftp://sqs.us-east-1.amazonaws.com/1/q")).isEmpty();
  }
}
