package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What all destinations share: one HTTP client (its connection pool serves every destination), the timeouts, the SSRF
 * guard, the clock (AWS request signing reads it) and the AWS credentials used when a destination names none.
 *
 * <p>The HTTP client never follows redirects: a redirect would reach a host the {@link NetworkGuard} never checked.
 * It speaks HTTP/1.1 only, which every webhook receiver understands.
 */
public final class DeliveryContext {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient httpClient;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final NetworkGuard guard;
  private final Clock clock;
  private final AwsCredentialsProvider defaultAwsCredentials;

  private DeliveryContext(Builder b) {
    this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
    this.requestTimeout = positive(b.requestTimeout, "requestTimeout");
    this.guard = requireNonNull(b.guard, "guard is null");
    this.clock = requireNonNull(b.clock, "clock is null");
    this.defaultAwsCredentials = b.defaultAwsCredentials != null
        ? b.defaultAwsCredentials : DefaultCredentialsProvider.builder().build();
    this.httpClient = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  /** Production defaults: 5 s to connect, 15 s per request, the DNS-resolving guard, the UTC system clock. */
  public static DeliveryContext defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public HttpClient httpClient() {
    return httpClient;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  public NetworkGuard guard() {
    return guard;
  }

  public Clock clock() {
    return clock;
  }

  /** The SDK's default chain (environment, system properties, profile, container and instance roles). */
  public AwsCredentialsProvider defaultAwsCredentials() {
    return defaultAwsCredentials;
  }

  private static Duration positive(Duration d, String name) {
    requireNonNull(d, name + " is null");
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("Invalid " + name + ": " + d + " (must be > 0)");
    }
    return d;
  }

  /** Builder; every option has the production default. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private NetworkGuard guard = new NetworkGuard();
    private Clock clock = Clock.systemUTC();
    private AwsCredentialsProvider defaultAwsCredentials;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
      return this;
    }

    public Builder guard(NetworkGuard guard) {
      this.guard = guard;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder defaultAwsCredentials(AwsCredentialsProvider provider) {
      this.defaultAwsCredentials = provider;
      return this;
    }

    public DeliveryContext build() {
      return new DeliveryContext(this);
    }
  }
}
