package dev.tarn.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpDeliveryTest {
  private static final String SECRET = "xoxb-secret-token-1234";
  private final DestinationConfig config = TestAlerts.config(DestinationType.CUSTOMWEBHOOK, Map.of(),
      Map.of("webhookURL", "http://127.0.0.1/hook"));

  @Test
  void a2xxResponseIsDelivered() {
    try (RecordingServer server = RecordingServer.answering(204, "")) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), config)
          .postJson(URI.create(server.url("/hook")), Map.of(), PayloadJson.object().put("a", 1));
      assertThat(result).isEqualTo(DeliveryResult.delivered(204));
    }
  }

  @Test
  void anErrorStatusIsRetryableWithTheStatusAndAResponseSnippet() {
    try (RecordingServer server = RecordingServer.answering(400, "{\"error\": \"invalid_payload\"}\n")) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), config)
          .postJson(URI.create(server.url("/hook")), Map.of(), PayloadJson.object());
      assertThat(result.success()).isFalse();
      assertThat(result.permanent()).isFalse();
      assertThat(result.statusCode()).isEqualTo(400);
      assertThat(result.message()).isEqualTo("HTTP 400 from 127.0.0.1: {\"error\": \"invalid_payload\"}");
    }
  }

  @Test
  void aLongResponseIsCutInTheMessage() {
    try (RecordingServer server = RecordingServer.answering(500, "x".repeat(5000))) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), config)
          .postJson(URI.create(server.url("/hook")), Map.of(), PayloadJson.object());
      assertThat(result.message()).hasSizeLessThan(300);
    }
  }

  @Test
  void secretsEchoedByTheReceiverAreMasked() {
    DestinationConfig withSecret = TestAlerts.config(DestinationType.GITHUB, Map.of("repoName", "a/b"),
        Map.of("token", SECRET));
    try (RecordingServer server = RecordingServer.answering(401, "bad credentials: " + SECRET)) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), withSecret)
          .postJson(URI.create(server.url("/x")), Map.of(), PayloadJson.object());
      assertThat(result.message()).contains("bad credentials: ***").doesNotContain(SECRET);
    }
  }

  @Test
  void aRefusedConnectionIsRetryableWithoutAStatus() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    DeliveryResult result = new HttpDelivery(TestAlerts.context(), config)
        .postJson(URI.create("http://127.0.0.1:" + closedPort + "/hook"), Map.of(), PayloadJson.object());
    assertThat(result.success()).isFalse();
    assertThat(result.permanent()).isFalse();
    assertThat(result.statusCode()).isNull();
    assertThat(result.message()).startsWith("Cannot connect to 127.0.0.1");
  }

  @Test
  void aReceiverThatDoesNotAnswerInTimeIsRetryable() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    slow.createContext("/", exchange -> {
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    slow.start();
    try {
      DeliveryContext impatient = DeliveryContext.builder().requestTimeout(Duration.ofMillis(300)).build();
      DeliveryResult result = new HttpDelivery(impatient, config).postJson(
          URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/hook"), Map.of(), PayloadJson.object());
      assertThat(result.permanent()).isFalse();
      assertThat(result.statusCode()).isNull();
      assertThat(result.message()).startsWith("No response from 127.0.0.1 within 300 ms");
    } finally {
      release.countDown();
      slow.stop(0);
    }
  }

  @Test
  void redirectsAreNotFollowed() {
    try (RecordingServer target = RecordingServer.answering(200, "ok");
        RecordingServer redirecting = RecordingServer.answering(200, "ok")) {
      redirecting.answerWith(new RecordingServer.Response(302, "", Map.of("Location", target.url("/internal"))));
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), config)
          .postJson(URI.create(redirecting.url("/hook")), Map.of(), PayloadJson.object());
      assertThat(result.statusCode()).isEqualTo(302);
      assertThat(result.success()).isFalse();
      assertThat(target.requests()).isEmpty();
    }
  }

  @Test
  void aGuardedDestinationNeverReachesALoopbackReceiver() {
    try (RecordingServer server = RecordingServer.answering(200, "ok")) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), TestAlerts.guarded(config))
          .postJson(URI.create(server.url("/hook")), Map.of(), PayloadJson.object());
      assertThat(result.permanent()).isTrue();
      assertThat(result.message()).contains("loopback").contains("set allowPrivateNetwork on the destination");
      assertThat(server.requests()).isEmpty();
    }
  }

  @Test
  void aHeaderValueThatCannotBeSentIsPermanentAndNotEchoed() {
    try (RecordingServer server = RecordingServer.answering(200, "ok")) {
      DeliveryResult result = new HttpDelivery(TestAlerts.context(), config).postJson(
          URI.create(server.url("/hook")), Map.of("Authorization", "Bearer abc\r\nInjected: 1"), PayloadJson.object());
      assertThat(result.permanent()).isTrue();
      assertThat(result.message()).doesNotContain("abc");
      assertThat(server.requests()).isEmpty();
    }
  }
}
