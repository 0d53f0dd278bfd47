package dev.tarn.alerts.delivery.sqs;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationCredentials;
import dev.tarn.alerts.delivery.HttpDelivery;
import dev.tarn.alerts.delivery.NetworkGuard;
import dev.tarn.alerts.delivery.Notifications;
import dev.tarn.alerts.delivery.PayloadJson;
import dev.tarn.alerts.delivery.SecretMask;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Sends the generic notification JSON as one SQS message with the AWS SDK. The client is built once per destination
 * (close the destination to release it; the delivery worker closes destinations that are {@link AutoCloseable}) and
 * never retries by itself: the outbox owns retries and records each
 * attempt.
 */
public final class SqsDestination implements Destination, AutoCloseable {
  public static final String DEFAULT_REGION = "us-east-1";

  private final QueueUrl queue;
  private final Set<URI> contacted;
  private final NetworkGuard guard;
  private final boolean allowPrivateNetwork;
  private final SecretMask mask;
  private final SqsClient client;

  public SqsDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    requireNonNull(context, "context is null");
    ConfigValues values = ConfigValues.of(config);
    this.queue = QueueUrl.parse(values.get("queueUrl"))
        .orElseThrow(() -> new IllegalArgumentException("'queueUrl' is not an SQS queue URL"));
    String region = values.get("region", queue.region().orElse(DEFAULT_REGION));
    Optional<URI> override = Optional.ofNullable(values.get("endpoint")).map(URI::create);
    URI endpoint = override.orElse(URI.create("https://sqs." + region + ".amazonaws.com"));
    // The guard checks the endpoint the SDK connects to, and the queue URL's host in case the SDK routes by it.
    Set<URI> hosts = new LinkedHashSet<>();
    hosts.add(endpoint);
    hosts.add(queue.uri());
    this.contacted = Set.copyOf(hosts);
    this.guard = context.guard();
    this.allowPrivateNetwork = config.allowPrivateNetwork();
    this.mask = SecretMask.of(config);
    SqsClientBuilder builder = SqsClient.builder()
        .httpClient(UrlConnectionHttpClient.builder()
            .connectionTimeout(context.connectTimeout())
            .socketTimeout(context.requestTimeout())
            .build())
        .region(Region.of(region))
        .credentialsProvider(DestinationCredentials.aws(values, context))
        .overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(context.requestTimeout()));
    override.ifPresent(builder::endpointOverride);
    this.client = builder.build();
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    for (URI uri : contacted) {
      Optional<DeliveryResult> refused = guard.check(uri, allowPrivateNetwork);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    String body = PayloadJson.text(Notifications.generic(n));
    try {
      SendMessageResponse response = client.sendMessage(b -> b.queueUrl(queue.toString()).messageBody(body));
      return DeliveryResult.delivered(response.sdkHttpResponse().statusCode());
    } catch (SqsException e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      return DeliveryResult.retryable(e.statusCode() > 0 ? e.statusCode() : null, "SQS error "
          + (code == null ? "" : code + " ") + "(HTTP " + e.statusCode() + ") for queue " + queue.name()
          + (message == null ? "" : ": " + HttpDelivery.snippet(mask.apply(message))));
    } catch (SdkException e) {
      // Network failures, timeouts, missing credentials: all may pass.
      return DeliveryResult.retryable(null, "Cannot send to SQS queue " + queue.name() + ": "
          + HttpDelivery.snippet(mask.apply(Objects.toString(e.getMessage(), e.getClass().getSimpleName()))));
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
