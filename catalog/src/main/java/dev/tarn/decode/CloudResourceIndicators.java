package dev.tarn.decode;

import dev.tarn.indicator.IndicatorKind;
import dev.tarn.indicator.Indicators;
import dev.tarn.indicator.Scanner;
import java.util.Locale;
import java.util.Set;

/**
 * Indicators of cloud resource snapshots (Resource.History): attribute names follow AWS's API models, so the key
 * tells what a value is — ARNs anywhere, instance ids under ID keys, account ids under owner/account keys, IPs
 * under address keys, domains under DNS-name keys, and every entry of a Tags object as {@code key:value}.
 */
final class CloudResourceIndicators implements ExtraIndicators {
  static final CloudResourceIndicators INSTANCE = new CloudResourceIndicators();

  private CloudResourceIndicators() {}

  @Override
  public Set<IndicatorKind> produces() {
    return Set.of(IndicatorKind.AWS_ARN, IndicatorKind.AWS_ACCOUNT_ID, IndicatorKind.AWS_INSTANCE_ID,
        IndicatorKind.AWS_TAG, IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME);
  }

  @Override
  public void scan(String key, String value, Indicators out) {
    scan(null, key, value, out);
  }

  @Override
  public void scan(String parentKey, String key, String value, Indicators out) {
    if (parentKey != null && parentKey.equalsIgnoreCase("tags") && key != null) {
      out.add(IndicatorKind.AWS_TAG, key + ":" + value);
      return;
    }
    if (value.startsWith("arn:")) {
      Scanner.AWS_ARN.scan(value, out);
      return;
    }
    if (key == null) {
      return;
    }
    String k = key.toLowerCase(Locale.ROOT);
    if ((k.equals("id") || k.endsWith("instanceid")) && value.startsWith("i-")) {
      Scanner.AWS_INSTANCE_ID.scan(value, out);
    } else if (k.equals("ownerid") || k.equals("accountid")) {
      Scanner.AWS_ACCOUNT_ID.scan(value, out);
    } else if (k.equals("address") || k.endsWith("ipaddress") || k.endsWith("publicip") || k.endsWith("privateip")) {
      Scanner.IP.scan(value, out);
    } else if (k.equals("domain") || k.equals("domainname") || k.equals("dnsname") || k.equals("fqdn")
        || k.endsWith("dnsname")) {
      Scanner.DOMAIN.scan(value, out);
    }
  }
}
