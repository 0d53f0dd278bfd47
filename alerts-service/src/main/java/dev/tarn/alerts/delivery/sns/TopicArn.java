package dev.tarn.alerts.delivery.sns;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SNS topic ARN, {@code arn:<partition>:sns:<region>:<account>:<name>}; the region picks the endpoint. */
public record TopicArn(String partition, String region, String account, String name) {
  public static final String EXPECTED = "arn:aws:sns:<region>:<12-digit account id>:<topic name>";

  private static final Pattern ARN = Pattern.compile(
      "arn:(aws[a-z-]*):sns:([a-z]{2}(?:-[a-z]+)+-\\d+):(\\d{12}):([A-Za-z0-9_-]{1,256}(?:\\.fifo)?)");

  public TopicArn {
    requireNonNull(partition, "partition is null");
    requireNonNull(region, "region is null");
    requireNonNull(account, "account is null");
    requireNonNull(name, "name is null");
  }

  public static Optional<TopicArn> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ARN.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new TopicArn(m.group(1), m.group(2), m.group(3), m.group(4)));
  }

  /** The public SNS endpoint of the topic's region ({@code amazonaws.com.cn} in the China partition). */
  public String defaultEndpoint() {
    return "https://sns." + region + (partition.equals("aws-cn") ? ".amazonaws.com.cn" : ".amazonaws.com");
  }

  @Override
  public String toString() {
    return "arn:" + partition + ":sns:" + region + ":" + account + ":" + name;
  }
}
