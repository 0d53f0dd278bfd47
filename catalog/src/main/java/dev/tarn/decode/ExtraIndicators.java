package dev.tarn.decode;

import dev.tarn.indicator.IndicatorKind;
import dev.tarn.indicator.Indicators;
import dev.tarn.indicator.Scanner;
import java.util.Set;

/**
 * Indicators a log type finds inside its free-form {@code json} fields, beyond what its schema tags declare: for
 * example the ARNs, account ids and instance ids anywhere in CloudTrail's request parameters. Panther did this in
 * per-type Go code; here it is one small strategy per log type, chosen by name.
 */
public interface ExtraIndicators {

  /** The p_any columns this may fill (they are added to the table even if the schema tags do not produce them). */
  Set<IndicatorKind> produces();

  /** Called for every string value inside a json field, with the key it sits under (null inside arrays). */
  void scan(String key, String value, Indicators out);

  /** As {@link #scan(String, String, Indicators)}, also given the key of the enclosing object (null at the top). */
  default void scan(String parentKey, String key, String value, Indicators out) {
    scan(key, value, out);
  }

  ExtraIndicators NONE = new ExtraIndicators() {
    @Override
    public Set<IndicatorKind> produces() {
      return Set.of();
    }

    @Override
    public void scan(String key, String value, Indicators out) {}
  };

  /** AWS JSON payloads: ARNs (with their account and instance ids), account ids and instance ids under AWS keys. */
  ExtraIndicators AWS_JSON = new ExtraIndicators() {
    @Override
    public Set<IndicatorKind> produces() {
      return Set.of(IndicatorKind.AWS_ARN, IndicatorKind.AWS_ACCOUNT_ID, IndicatorKind.AWS_INSTANCE_ID,
          IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME);
    }

    @Override
    public void scan(String key, String value, Indicators out) {
      if (value.startsWith("arn:")) {
        Scanner.AWS_ARN.scan(value, out);
      } else if (key == null) {
        return;
      } else if (value.startsWith("i-") && (key.equals("instanceId") || key.equals("InstanceId"))) {
        Scanner.AWS_INSTANCE_ID.scan(value, out);
      } else if (key.equals("accountId") || key.equals("AccountId") || key.equals("awsAccountId")) {
        Scanner.AWS_ACCOUNT_ID.scan(value, out);
      } else if (key.equals("ipAddress") || key.equals("sourceIPAddress") || key.equals("privateIpAddress")
          || key.equals("publicIpAddress")) {
        Scanner.IP.scan(value, out);
      }
    }
  };

  static ExtraIndicators forLogType(String logType) {
    return switch (logType) {
      case "AWS.CloudTrail", "AWS.CloudTrailInsight", "AWS.CloudWatchEvents", "AWS.GuardDuty" -> AWS_JSON;
      case "Resource.History" -> CloudResourceIndicators.INSTANCE;
      default -> NONE;
    };
  }
}
