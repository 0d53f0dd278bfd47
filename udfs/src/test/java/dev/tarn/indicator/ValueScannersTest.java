package dev.tarn.indicator;

import static dev.tarn.indicator.IndicatorKind.AWS_ACCOUNT_ID;
import static dev.tarn.indicator.IndicatorKind.AWS_ARN;
import static dev.tarn.indicator.IndicatorKind.AWS_INSTANCE_ID;
import static dev.tarn.indicator.IndicatorKind.AWS_TAG;
import static dev.tarn.indicator.IndicatorKind.EMAIL;
import static dev.tarn.indicator.IndicatorKind.MD5;
import static dev.tarn.indicator.IndicatorKind.SHA1;
import static dev.tarn.indicator.IndicatorKind.SHA256;
import static dev.tarn.indicator.IndicatorKind.TRACE_ID;
import static dev.tarn.indicator.IndicatorKind.USERNAME;
import static dev.tarn.indicator.ScannerAssert.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueScannersTest {
  private static final String MD5_HEX = "D41D8CD98F00B204E9800998ECF8427E";
  private static final String SHA1_HEX = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
  private static final String SHA256_HEX =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void hashesAreLowerCased() {
    assertThat(scan(Scanner.MD5, MD5_HEX)).isEqualTo(Map.of(MD5, List.of(MD5_HEX.toLowerCase())));
  }

  @Test
  void hashesNeedTheirExactLength() {
    assertThat(scan(Scanner.SHA1, SHA1_HEX)).isEqualTo(Map.of(SHA1, List.of(SHA1_HEX)));
    assertThat(scan(Scanner.SHA256, SHA256_HEX)).isEqualTo(Map.of(SHA256, List.of(SHA256_HEX)));
    assertThat(scan(Scanner.MD5, SHA1_HEX)).isEmpty();
    assertThat(scan(Scanner.SHA256, SHA1_HEX)).isEmpty();
  }

  @Test
  void hashesMustBeHex() {
    assertThat(scan(Scanner.MD5, "g41d8cd98f00b204e9800998ecf8427e")).isEmpty();
  }

  @Test
  void accountIdIsExactlyTwelveDigits() {
    assertThat(scan(Scanner.AWS_ACCOUNT_ID, "123456789012"))
        .isEqualTo(Map.of(AWS_ACCOUNT_ID, List.of("123456789012")));
    assertThat(scan(Scanner.AWS_ACCOUNT_ID, "12345678901")).isEmpty();
    assertThat(scan(Scanner.AWS_ACCOUNT_ID, "12345678901a")).isEmpty();
  }

  @Test
  void instanceIdStartsWithIDash() {
    assertThat(scan(Scanner.AWS_INSTANCE_ID, "i-0d15cd0d3example"))
        .isEqualTo(Map.of(AWS_INSTANCE_ID, List.of("i-0d15cd0d3example")));
    assertThat(scan(Scanner.AWS_INSTANCE_ID, "vpc-7example")).isEmpty();
  }

  @Test
  void arnAddsItselfAndItsAccountId() {
    assertThat(scan(Scanner.AWS_ARN, "arn:aws:iam::123456789012:user/Alice"))
        .isEqualTo(
            Map.of(
                AWS_ARN, List.of("arn:aws:iam::123456789012:user/Alice"),
                AWS_ACCOUNT_ID, List.of("123456789012")));
  }

  @Test
  void arnOfAnInstanceAddsTheInstanceId() {
    String arn = "arn:aws:ec2:us-west-2:123456789012:instance/i-0abcdef1234567890";

    assertThat(scan(Scanner.AWS_ARN, arn))
        .isEqualTo(
            Map.of(
                AWS_ARN, List.of(arn),
                AWS_ACCOUNT_ID, List.of("123456789012"),
                AWS_INSTANCE_ID, List.of("i-0abcdef1234567890")));
  }

  @Test
  void arnWithoutAccountAddsOnlyTheArn() {
    assertThat(scan(Scanner.AWS_ARN, "arn:aws:s3:::my-bucket/key:with:colons"))
        .isEqualTo(Map.of(AWS_ARN, List.of("arn:aws:s3:::my-bucket/key:with:colons")));
  }

  @Test
  void arnNeedsPrefixAndSixParts() {
    assertThat(scan(Scanner.AWS_ARN, "arn:aws:s3:::")).isEqualTo(Map.of(AWS_ARN, List.of("arn:aws:s3:::")));
    assertThat(scan(Scanner.AWS_ARN, "arn:aws:s3::")).isEmpty();
    assertThat(scan(Scanner.AWS_ARN, "aws:iam::123456789012:root")).isEmpty();
  }

  @Test
  void emailNeedsAnAtSign() {
    assertThat(scan(Scanner.EMAIL, " narroway@example.com "))
        .isEqualTo(Map.of(EMAIL, List.of("narroway@example.com")));
    assertThat(scan(Scanner.EMAIL, "narroway")).isEmpty();
  }

  @Test
  void rawScannersKeepTheTrimmedValue() {
    assertThat(scan(Scanner.USERNAME, " root ")).isEqualTo(Map.of(USERNAME, List.of("root")));
    assertThat(scan(Scanner.TRACE_ID, "1-5ffd8ed7-1c9649c448649a15241ac25a"))
        .isEqualTo(Map.of(TRACE_ID, List.of("1-5ffd8ed7-1c9649c448649a15241ac25a")));
    assertThat(scan(Scanner.AWS_TAG, "env:prod")).isEqualTo(Map.of(AWS_TAG, List.of("env:prod")));
  }
}
