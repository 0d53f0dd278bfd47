package dev.tarn.glue;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.GlueClientBuilder;

/** Builds the Glue client gluesync uses. */
public final class GlueClients {
  private GlueClients() {}

  /**
   * @param region the AWS region, or null for the SDK's default chain (AWS_REGION, the profile, instance metadata)
   * @param endpoint a Glue endpoint to use instead of the region's (a VPC endpoint, a test server), or null
   * @param credentials the credentials, or null for the SDK's default chain (environment, profile, instance role)
   */
  public static GlueClient create(String region, URI endpoint, AwsCredentialsProvider credentials) {
    GlueClientBuilder builder = GlueClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        // Standard mode retries throttling and 5xx with backoff, as Panther's gluesync did with its max-retries.
        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD));
    if (region != null) {
      builder.region(Region.of(region));
    }
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }
}
