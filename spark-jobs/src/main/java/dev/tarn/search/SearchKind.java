package dev.tarn.search;

import static java.util.Objects.requireNonNull;

import dev.tarn.indicator.IndicatorKind;
import dev.tarn.indicator.Indicators;
import dev.tarn.indicator.Scanner;
import java.util.List;
import java.util.Locale;

/**
 * The indicators a user can search for, one per {@code tarn search} option. Each value goes through the same scanner
 * ingest uses to fill the {@code p_any_*} columns, so the value searched is exactly the one stored (hashes
 * lower-cased, domains without a root dot and with Punycode decoded, values trimmed); a value the scanner would not
 * record (an IP that is not an address, a 31-character hash) can never match and is rejected instead.
 */
public enum SearchKind {
  IP("ip", "an IPv4 or IPv6 address, e.g. 10.0.0.1", List.of(Scanner.IP), List.of(IndicatorKind.IP_ADDRESS)),
  DOMAIN("domain", "a domain name, e.g. example.com", List.of(Scanner.DOMAIN), List.of(IndicatorKind.DOMAIN_NAME)),
  EMAIL("email", "an email address (it contains @)", List.of(Scanner.EMAIL), List.of(IndicatorKind.EMAIL)),
  USERNAME("username", "a user name", List.of(Scanner.USERNAME), List.of(IndicatorKind.USERNAME)),
  ARN("arn", "an AWS ARN, e.g. arn:aws:iam::123456789012:user/alice", List.of(Scanner.AWS_ARN),
      List.of(IndicatorKind.AWS_ARN)),
  /** The hash kind follows from the length: 32 hex digits are MD5, 40 SHA-1, 64 SHA-256. */
  HASH("hash", "an MD5, SHA-1 or SHA-256 hex digest (32, 40 or 64 hex digits)",
      List.of(Scanner.MD5, Scanner.SHA1, Scanner.SHA256),
      List.of(IndicatorKind.MD5, IndicatorKind.SHA1, IndicatorKind.SHA256)),
  AWS_ACCOUNT_ID("aws-account-id", "an AWS account id (12 digits)", List.of(Scanner.AWS_ACCOUNT_ID),
      List.of(IndicatorKind.AWS_ACCOUNT_ID)),
  INSTANCE_ID("instance-id", "an EC2 instance id (starts with i-)", List.of(Scanner.AWS_INSTANCE_ID),
      List.of(IndicatorKind.AWS_INSTANCE_ID)),
  TAG("tag", "an AWS tag, conventionally key:value", List.of(Scanner.AWS_TAG), List.of(IndicatorKind.AWS_TAG)),
  TRACE_ID("trace-id", "a trace id", List.of(Scanner.TRACE_ID), List.of(IndicatorKind.TRACE_ID));

  private final String option;
  private final String expected;
  private final List<Scanner> scanners;
  private final List<IndicatorKind> kinds;

  SearchKind(String option, String expected, List<Scanner> scanners, List<IndicatorKind> kinds) {
    this.option = option;
    this.expected = expected;
    this.scanners = scanners;
    this.kinds = kinds;
  }

  /** The command-line option, without dashes ({@code ip}, {@code aws-account-id}). */
  public String option() {
    return option;
  }

  /**
   * The indicator {@code value} stands for, normalised as ingest stores it.
   *
   * @throws IllegalArgumentException naming the option, the value and what was expected when ingest would not record
   *     {@code value} as this kind
   */
  public Indicator indicator(String value) {
    requireNonNull(value, "value is null");
    for (int i = 0; i < scanners.size(); i++) {
      Indicators found = new Indicators();
      scanners.get(i).scan(value, found);
      List<String> values = found.values(kinds.get(i));
      if (!values.isEmpty()) {
        return new Indicator(this, kinds.get(i), values.get(0));
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "--%s '%s' is not %s", option, value, expected));
  }
}
