package dev.tarn.detect.kv;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local in this JVM, in memory, on a free port; clients reach it over loopback with dummy credentials.
 * Needs the system property {@code sqlite4java.library.path} (set by the detection pom's Surefire config).
 */
final class DynamoDbLocal implements AutoCloseable {

  static final String REGION = "us-east-1";

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private DynamoDbLocal(DynamoDBProxyServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  static DynamoDbLocal start() throws Exception {
    int port = freePort();
    // -sharedDb: one database whatever the credentials and region, so every client sees the same tables.
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
        new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
    server.start();
    return new DynamoDbLocal(server, URI.create("http://127.0.0.1:" + port));
  }

  URI endpoint() {
    return endpoint;
  }

  DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(REGION))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop DynamoDB Local on " + endpoint, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
