package dev.tarn.alerts.delivery.sns;

import static java.util.Objects.requireNonNull;

import dev.tarn.alerts.delivery.AlertNotification;
import dev.tarn.alerts.delivery.ConfigValues;
import dev.tarn.alerts.delivery.DeliveryContext;
import dev.tarn.alerts.delivery.DeliveryResult;
import dev.tarn.alerts.delivery.Destination;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationCredentials;
import dev.tarn.alerts.delivery.HttpDelivery;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Publishes to an SNS topic over SNS's query protocol, signed with SigV4 by the AWS SDK's signer and sent through the
 * shared HTTP client and SSRF guard. (The SDK's own SNS client is not available at the SDK version Tarn pins.)
 *
 * <p>As in Panther, when SNS refuses the parameters (usually a subject it cannot take), the alert is published once
 * more with the subject "New Tarn Alert".
 */
public final class SnsDestination implements Destination {
  static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

  private final TopicArn topic;
  private final URI endpoint;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final HttpDelivery http;

  public SnsDestination(DestinationConfig config, DeliveryContext context) {
    requireNonNull(config, "config is null");
    requireNonNull(context, "context is null");
    ConfigValues values = ConfigValues.of(config);
    this.topic = TopicArn.parse(values.get("topicArn"))
        .orElseThrow(() -> new IllegalArgumentException("'topicArn' is not an SNS topic ARN"));
    this.endpoint = URI.create(values.baseUrl("endpoint", topic.defaultEndpoint()) + "/");
    this.credentials = DestinationCredentials.aws(values, context);
    this.clock = context.clock();
    this.http = new HttpDelivery(context, config);
  }

  @Override
  public DeliveryResult send(AlertNotification n) {
    SnsPublish publish = SnsPublish.of(topic, n);
    Outcome first = publish(publish);
    if (first.invalidParameter() && !publish.subject().equals(SnsPublish.FALLBACK_SUBJECT)) {
      return publish(publish.withSubject(SnsPublish.FALLBACK_SUBJECT)).result();
    }
    return first.result();
  }

  /** A result, and whether SNS called a parameter invalid (then the subject is worth replacing). */
  private record Outcome(DeliveryResult result, boolean invalidParameter) {}

  private Outcome publish(SnsPublish publish) {
    byte[] body = publish.formBody();
    Map<String, String> headers;
    try {
      headers = signedHeaders(body);
    } catch (SdkException e) {
      // Usually no credentials found by the default chain; an instance role may appear later, so retry.
      return new Outcome(DeliveryResult.retryable(null, "Cannot sign the SNS request: "
          + http.mask(Objects.toString(e.getMessage(), e.getClass().getSimpleName()))
          + " (set accessKeyId and secretAccessKey on the destination, or give this service AWS credentials)"),
          false);
    }
    AtomicBoolean invalidParameter = new AtomicBoolean();
    DeliveryResult result = http.post(endpoint, headers, FORM, body, (status, text) -> {
      SnsResponse response = SnsResponse.parse(text);
      if (status >= 200 && status < 300) {
        return response.messageId().isPresent()
            ? DeliveryResult.delivered(status)
            : DeliveryResult.retryable(status, "SNS answered " + status + " without a MessageId: "
                + HttpDelivery.snippet(text));
      }
      invalidParameter.set(response.errorCode().map(c -> c.startsWith("InvalidParameter")).orElse(false));
      if (response.errorCode().isEmpty()) {
        return HttpDelivery.statusOutcome(endpoint, status, text);
      }
      return DeliveryResult.retryable(status, "SNS error " + response.errorCode().get() + " (HTTP " + status + ")"
          + response.errorMessage().map(m -> ": " + HttpDelivery.snippet(m)).orElse(""));
    });
    return new Outcome(result, invalidParameter.get());
  }

  /** The SigV4 headers for a POST of {@code body} to the endpoint, as the SDK's signer computes them. */
  private Map<String, String> signedHeaders(byte[] body) {
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(endpoint)
        .putHeader("Content-Type", FORM)
        .build();
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SignedRequest signed = signer.sign(r -> r
        .identity(identity)
        .request(request)
        .payload(ContentStreamProvider.fromByteArray(body))
        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sns")
        .putProperty(AwsV4HttpSigner.REGION_NAME, topic.region())
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      // The HTTP client writes Host and Content-Length itself, with the same values the signature covers.
      if (!name.equals("host") && !name.equals("content-length")) {
        headers.put(h.getKey(), String.join(",", h.getValue()));
      }
    }
    return headers;
  }
}
