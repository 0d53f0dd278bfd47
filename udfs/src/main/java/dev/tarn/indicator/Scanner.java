package dev.tarn.indicator;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The indicator scanners a log schema can name under {@code indicators:} on a string field.
 *
 * <p>{@link #scan} trims the value and ignores it when empty, then applies Panther's rule for the
 * scanner. Values that do not fit the rule (an {@code ip} that is not an address, a 31-character
 * {@code md5}) add nothing; scanning never throws on bad input.
 */
public enum Scanner {
  /** A valid IPv4 or IPv6 literal (see {@link IpAddress}). */
  IP("ip", IndicatorKind.IP_ADDRESS) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      if (IpAddress.isValid(value)) {
        out.add(IndicatorKind.IP_ADDRESS, value);
      }
    }
  },
  /** Any value, without a root dot and with Punycode labels decoded. */
  DOMAIN("domain", IndicatorKind.DOMAIN_NAME) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      out.add(IndicatorKind.DOMAIN_NAME, DomainName.normalize(value));
    }
  },
  /** An IP address if the value is one, otherwise a domain name. */
  HOSTNAME("hostname", IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      addHost(value, out);
    }
  },
  /** The host of a {@code scheme://} URL, by the hostname rule. */
  URL("url", IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      String host = HostPort.urlHost(value);
      if (host != null) {
        addHost(host, out);
      }
    }
  },
  /** A hex digest of exactly 32 characters, lower-cased. */
  MD5("md5", IndicatorKind.MD5) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      addHash(value, 32, IndicatorKind.MD5, out);
    }
  },
  /** A hex digest of exactly 40 characters, lower-cased. */
  SHA1("sha1", IndicatorKind.SHA1) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      addHash(value, 40, IndicatorKind.SHA1, out);
    }
  },
  /** A hex digest of exactly 64 characters, lower-cased. */
  SHA256("sha256", IndicatorKind.SHA256) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      addHash(value, 64, IndicatorKind.SHA256, out);
    }
  },
  /** An ARN, plus the account id and EC2 instance id embedded in it. */
  AWS_ARN(
      "aws_arn",
      IndicatorKind.AWS_ARN,
      IndicatorKind.AWS_ACCOUNT_ID,
      IndicatorKind.AWS_INSTANCE_ID) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      AwsArn arn = AwsArn.parse(value);
      if (arn == null) {
        return;
      }
      out.add(IndicatorKind.AWS_ARN, value);
      AWS_ACCOUNT_ID.scanTrimmed(arn.accountId(), out);
      String instanceId = arn.instanceId();
      if (instanceId != null) {
        out.add(IndicatorKind.AWS_INSTANCE_ID, instanceId);
      }
    }
  },
  /** Exactly twelve ASCII digits. */
  AWS_ACCOUNT_ID("aws_account_id", IndicatorKind.AWS_ACCOUNT_ID) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      if (value.length() != 12) {
        return;
      }
      for (int i = 0; i < 12; i++) {
        if (value.charAt(i) < '0' || value.charAt(i) > '9') {
          return;
        }
      }
      out.add(IndicatorKind.AWS_ACCOUNT_ID, value);
    }
  },
  /** A value starting with {@code i-}. */
  AWS_INSTANCE_ID("aws_instance_id", IndicatorKind.AWS_INSTANCE_ID) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      if (value.startsWith("i-")) {
        out.add(IndicatorKind.AWS_INSTANCE_ID, value);
      }
    }
  },
  /** Any value, conventionally {@code key:value}. */
  AWS_TAG("aws_tag", IndicatorKind.AWS_TAG) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      out.add(IndicatorKind.AWS_TAG, value);
    }
  },
  /** Any value. */
  TRACE_ID("trace_id", IndicatorKind.TRACE_ID) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      out.add(IndicatorKind.TRACE_ID, value);
    }
  },
  /** Any value. */
  USERNAME("username", IndicatorKind.USERNAME) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      out.add(IndicatorKind.USERNAME, value);
    }
  },
  /** Any value containing {@code @}; Panther checks nothing more. */
  EMAIL("email", IndicatorKind.EMAIL) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      if (value.indexOf('@') >= 0) {
        out.add(IndicatorKind.EMAIL, value);
      }
    }
  },
  /** {@code host:port}, {@code [v6]:port} or a bare host; the port is dropped, then the hostname rule. */
  NET_ADDR("net_addr", IndicatorKind.IP_ADDRESS, IndicatorKind.DOMAIN_NAME) {
    @Override
    void scanTrimmed(String value, Indicators out) {
      addHost(HostPort.stripPort(value), out);
    }
  };

  private static final Map<String, Scanner> BY_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Scanner::schemaName, Function.identity()));

  private final String schemaName;
  private final Set<IndicatorKind> produces;

  Scanner(String schemaName, IndicatorKind first, IndicatorKind... rest) {
    this.schemaName = schemaName;
    this.produces = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /**
   * The scanner a log schema calls {@code name}.
   *
   * @throws IllegalArgumentException naming the valid scanners when {@code name} is not one of them
   */
  public static Scanner forName(String name) {
    requireNonNull(name, "name is null");
    Scanner scanner = BY_NAME.get(name);
    if (scanner == null) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Unknown indicator scanner: \"%s\" (expected one of %s)",
              name,
              Arrays.stream(values()).map(Scanner::schemaName).collect(Collectors.joining(", "))));
    }
    return scanner;
  }

  /** The name used for this scanner in a log schema's {@code indicators:} list. */
  public String schemaName() {
    return schemaName;
  }

  /** The indicator kinds this scanner can add, i.e. the {@code p_any_*} columns it may fill. */
  public Set<IndicatorKind> produces() {
    return produces;
  }

  /** Adds to {@code out} the indicators found in {@code value}; null and blank values add nothing. */
  public void scan(String value, Indicators out) {
    requireNonNull(out, "out is null");
    if (value == null) {
      return;
    }
    String trimmed = value.strip();
    if (!trimmed.isEmpty()) {
      scanTrimmed(trimmed, out);
    }
  }

  /** Applies this scanner's rule to a non-empty, trimmed value. */
  abstract void scanTrimmed(String value, Indicators out);

  private static void addHost(String host, Indicators out) {
    if (IpAddress.isValid(host)) {
      out.add(IndicatorKind.IP_ADDRESS, host);
    } else if (!host.isEmpty()) {
      out.add(IndicatorKind.DOMAIN_NAME, DomainName.normalize(host));
    }
  }

  private static void addHash(String value, int length, IndicatorKind kind, Indicators out) {
    if (value.length() != length) {
      return;
    }
    for (int i = 0; i < length; i++) {
      if (!IpAddress.isHexDigit(value.charAt(i))) {
        return;
      }
    }
    out.add(kind, value.toLowerCase(Locale.ROOT));
  }
}
