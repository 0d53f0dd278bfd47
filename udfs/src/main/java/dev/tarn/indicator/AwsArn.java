package dev.tarn.indicator;

/**
 * The parts of an ARN ({@code arn:partition:service:region:account-id:resource}), split the way the
 * AWS SDK's {@code arn.Parse} that Panther uses splits them: the resource keeps any further colons.
 */
record AwsArn(String partition, String service, String region, String accountId, String resource) {
  private static final String PREFIX = "arn:";

  /** The parsed ARN, or null when {@code text} does not start with {@code arn:} or has under six parts. */
  static AwsArn parse(String text) {
    if (!text.startsWith(PREFIX)) {
      return null;
    }
    int[] colons = new int[4];
    int from = PREFIX.length();
    for (int i = 0; i < colons.length; i++) {
      int colon = text.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      colons[i] = colon;
      from = colon + 1;
    }
    return new AwsArn(
        text.substring(PREFIX.length(), colons[0]),
        text.substring(colons[0] + 1, colons[1]),
        text.substring(colons[1] + 1, colons[2]),
        text.substring(colons[2] + 1, colons[3]),
        text.substring(colons[3] + 1));
  }

  /** The EC2 instance id of an {@code ...:instance/i-...} resource, else null. */
  String instanceId() {
    if (!resource.startsWith("instance/")) {
      return null;
    }
    String id = resource.substring(resource.lastIndexOf('/') + 1);
    return id.startsWith("i-") ? id : null;
  }
}
