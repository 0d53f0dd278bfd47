package dev.tarn.indicator;

/**
 * Recognises IP address literals without touching the network.
 *
 * <p>{@code InetAddress.getByName} would resolve anything that is not a literal through DNS, which is
 * both slow and wrong for log values, so this is a strict hand-written parser. It accepts what Go's
 * {@code net.ParseIP} accepts (the check behind Panther's {@code ip} scanner) with one deliberate
 * tightening:
 *
 * <ul>
 *   <li>IPv4: four dot-separated decimal parts, each 0–255. Leading zeros ({@code 010.0.0.1}) are
 *       rejected, as in Go since 1.17, because some tools read them as octal.
 *   <li>IPv6: up to eight groups of 1–4 hex digits, at most one {@code ::}, optionally ending in an
 *       embedded IPv4 address ({@code ::ffff:10.0.0.1}).
 *   <li>No zone ({@code fe80::1%eth0}), no brackets, no CIDR suffix, no surrounding whitespace.
 * </ul>
 */
public final class IpAddress {
  private IpAddress() {}

  /** Whether {@code text} is exactly an IPv4 or IPv6 address literal. */
  public static boolean isValid(String text) {
    if (text == null || text.isEmpty()) {
      return false;
    }
    return text.indexOf(':') >= 0 ? isIpv6(text, 0, text.length()) : isIpv4(text, 0, text.length());
  }

  static boolean isIpv4(String s, int from, int to) {
    int parts = 0;
    int i = from;
    while (true) {
      int value = 0;
      int digits = 0;
      while (i < to && isDigit(s.charAt(i))) {
        if (digits == 1 && value == 0) {
          return false; // leading zero
        }
        value = value * 10 + (s.charAt(i) - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
        i++;
      }
      if (digits == 0) {
        return false;
      }
      parts++;
      if (i == to) {
        return parts == 4;
      }
      if (s.charAt(i) != '.' || parts == 4) {
        return false;
      }
      i++;
    }
  }

  static boolean isIpv6(String s, int from, int to) {
    int groups = 0;
    boolean compressed = false;
    int i = from;
    if (s.startsWith("::", i)) {
      compressed = true;
      i += 2;
      if (i == to) {
        return true;
      }
    }
    while (true) {
      int end = i;
      boolean dotted = false;
      while (end < to && s.charAt(end) != ':') {
        dotted |= s.charAt(end) == '.';
        end++;
      }
      if (dotted) {
        // An embedded IPv4 address may only be the last part and stands for two groups.
        if (end != to || !isIpv4(s, i, end)) {
          return false;
        }
        groups += 2;
        break;
      }
      int length = end - i;
      if (length < 1 || length > 4) {
        return false;
      }
      for (int k = i; k < end; k++) {
        if (!isHexDigit(s.charAt(k))) {
          return false;
        }
      }
      groups++;
      if (end == to) {
        break;
      }
      i = end + 1; // past ':'
      if (i < to && s.charAt(i) == ':') {
        if (compressed) {
          return false; // a second "::"
        }
        compressed = true;
        i++;
        if (i == to) {
          break;
        }
      } else if (i == to) {
        return false; // trailing single ':'
      }
      if (groups >= 8) {
        return false;
      }
    }
    // "::" must stand for at least one zero group.
    return compressed ? groups <= 7 : groups == 8;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ASCII only: Character.digit would also accept e.g. Arabic-Indic digits.
  static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
