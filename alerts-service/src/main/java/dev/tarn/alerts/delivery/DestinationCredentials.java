package dev.tarn.alerts.delivery;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The AWS credentials of an SNS or SQS destination: its own keys when given, else the SDK's default chain. */
public final class DestinationCredentials {
  private DestinationCredentials() {}

  public static AwsCredentialsProvider aws(ConfigValues values, DeliveryContext context) {
    String id = values.get("accessKeyId");
    String secret = values.get("secretAccessKey");
    if (id == null || secret == null) {
      return context.defaultAwsCredentials();
    }
    String token = values.get("sessionToken");
    return StaticCredentialsProvider.create(token == null
        ? AwsBasicCredentials.create(id, secret)
        : AwsSessionCredentials.create(id, secret, token));
  }
}
