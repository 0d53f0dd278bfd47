package dev.tarn.detect.match;

import dev.tarn.indicator.IpAddress;
import java.util.List;

/**
 * IP address text for the IP conditions. Validity is {@link IpAddress#isValid} (the project's strict literal check);
 * the regular expressions here accept exactly the same texts so the Spark compiler can check validity with
 * {@code rlike} (a test holds them equal).
 *
 * <p>Every address is handled as 128 bits: an IPv4 address {@code a.b.c.d} as its IPv4-mapped IPv6 form
 * {@code ::ffff:a.b.c.d}, and an IPv4 block {@code a.b.c.d/n} as {@code ::ffff:a.b.c.d/(96+n)}. So IPv4 blocks
 * match IPv4-mapped IPv6 addresses too, and an IPv6 block that covers {@code ::ffff:0:0/96} (only {@code ::/0} …
 * {@code ::/80}) also covers IPv4 addresses.
 */
public final class IpText {
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final String IPV4 = OCTET + "(\\." + OCTET + "){3}";
  private static final String H16 = "[0-9A-Fa-f]{1,4}";
  private static final String LS32 = "(" + H16 + ":" + H16 + "|" + IPV4 + ")";

  /** An IPv4 literal: four decimal octets without leading zeros. */
  public static final String IPV4_REGEX = "\\A" + IPV4 + "\\z";

  /** An IPv6 literal: RFC 3986's {@code IPv6address} (no zone, no brackets). */
  public static final String IPV6_REGEX = "\\A(" + String.join("|",
      rep(H16 + ":", 6) + LS32,
      "::" + rep(H16 + ":", 5) + LS32,
      "(" + H16 + ")?::" + rep(H16 + ":", 4) + LS32,
      "(" + upTo(1) + H16 + ")?::" + rep(H16 + ":", 3) + LS32,
      "(" + upTo(2) + H16 + ")?::" + rep(H16 + ":", 2) + LS32,
      "(" + upTo(3) + H16 + ")?::" + H16 + ":" + LS32,
      "(" + upTo(4) + H16 + ")?::" + LS32,
      "(" + upTo(5) + H16 + ")?::" + H16,
      "(" + upTo(6) + H16 + ")?::") + ")\\z";

  /**
   * Blocks that {@code IsIPAddressPrivate} covers: the networks Python's {@code ipaddress} (3.11) calls private,
   * which is what Panther's Python rules test with {@code ip_address(x).is_private}. IPv4-mapped IPv6 addresses are
   * judged by their IPv4 address instead of all being private.
   */
  public static final List<Cidr> PRIVATE_NETWORKS = List.of(
      Cidr.parse("0.0.0.0/8"),
      Cidr.parse("10.0.0.0/8"),
      Cidr.parse("127.0.0.0/8"),
      Cidr.parse("169.254.0.0/16"),
      Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.0.0.0/29"),
      Cidr.parse("192.0.0.170/31"),
      Cidr.parse("192.0.2.0/24"),
      Cidr.parse("192.168.0.0/16"),
      Cidr.parse("198.18.0.0/15"),
      Cidr.parse("198.51.100.0/24"),
      Cidr.parse("203.0.113.0/24"),
      Cidr.parse("240.0.0.0/4"),
      Cidr.parse("255.255.255.255/32"),
      Cidr.parse("::1/128"),
      Cidr.parse("::/128"),
      Cidr.parse("100::/64"),
      Cidr.parse("2001::/23"),
      Cidr.parse("2001:db8::/32"),
      Cidr.parse("2001:10::/28"),
      Cidr.parse("fc00::/7"),
      Cidr.parse("fe80::/10"));

  private IpText() {}

  private static String rep(String s, int n) {
    return s.repeat(n);
  }

  private static String upTo(int n) {
    return "(" + H16 + ":){0," + n + "}";
  }

  /** Whether {@code text} is an IPv4 or IPv6 literal. */
  public static boolean isValid(String text) {
    return IpAddress.isValid(text);
  }

  /** The address as 128 {@code 0}/{@code 1} characters, or null when {@code text} is not an address. */
  public static String bits(String text) {
    if (!IpAddress.isValid(text)) {
      return null;
    }
    int[] groups = text.indexOf(':') < 0 ? ipv4Mapped(text) : ipv6Groups(text);
    StringBuilder b = new StringBuilder(128);
    for (int g : groups) {
      String binary = Integer.toBinaryString(g);
      b.append("0".repeat(16 - binary.length())).append(binary);
    }
    return b.toString();
  }

  /** Whether {@code text} is an address in one of {@link #PRIVATE_NETWORKS}. */
  public static boolean isPrivate(String text) {
    String bits = bits(text);
    return bits != null && PRIVATE_NETWORKS.stream().anyMatch(c -> c.contains(bits));
  }

  /** Whether {@code text} is an address outside {@link #PRIVATE_NETWORKS}. */
  public static boolean isPublic(String text) {
    String bits = bits(text);
    return bits != null && PRIVATE_NETWORKS.stream().noneMatch(c -> c.contains(bits));
  }

  private static int[] ipv4Mapped(String text) {
    int[] octets = octets(text);
    return new int[] {0, 0, 0, 0, 0, 0xffff, octets[0] << 8 | octets[1], octets[2] << 8 | octets[3]};
  }

  private static int[] octets(String text) {
    String[] parts = text.split("\\.");
    int[] octets = new int[4];
    for (int i = 0; i < 4; i++) {
      octets[i] = Integer.parseInt(parts[i]);
    }
    return octets;
  }

  // Called only on texts IpAddress accepted, so the structure is known to be sound.
  private static int[] ipv6Groups(String text) {
    String s = text;
    int[] tail4 = null;
    if (s.indexOf('.') >= 0) {
      int colon = s.lastIndexOf(':');
      tail4 = octets(s.substring(colon + 1));
      s = s.substring(0, colon + 1) + "0:0";
    }
    int[] groups = new int[8];
    int gap = s.indexOf("::");
    String[] head = gap < 0 ? s.split(":") : split(s.substring(0, gap));
    String[] tail = gap < 0 ? new String[0] : split(s.substring(gap + 2));
    for (int i = 0; i < head.length; i++) {
      groups[i] = Integer.parseInt(head[i], 16);
    }
    for (int i = 0; i < tail.length; i++) {
      groups[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
    }
    if (tail4 != null) {
      groups[6] = tail4[0] << 8 | tail4[1];
      groups[7] = tail4[2] << 8 | tail4[3];
    }
    return groups;
  }

  private static String[] split(String part) {
    return part.isEmpty() ? new String[0] : part.split(":");
  }
}
