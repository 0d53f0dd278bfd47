package dev.tarn.indicator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Finds the host in network addresses and URLs, following the Go functions behind Panther's scanners
 * ({@code net.SplitHostPort}, {@code url.Parse} + {@code URL.Hostname}).
 *
 * <p>URLs are not handed to {@code java.net.URI}: it rejects characters such as {@code |} or
 * {@code {}} in paths and queries that real request logs contain and that Go accepts. Only the
 * authority is checked here, and nothing throws: a value that is not a URL with a host yields null.
 */
final class HostPort {
  private HostPort() {}

  /**
   * The host of {@code host:port} or {@code [v6]:port}; a bracketed address without a port loses its
   * brackets; anything else (no port, a bare IPv6 address) is returned unchanged.
   */
  static String stripPort(String address) {
    if (address.startsWith("[")) {
      int close = address.indexOf(']');
      if (close < 0) {
        return address;
      }
      int after = close + 1;
      boolean portOnly =
          after == address.length()
              || (address.charAt(after) == ':' && address.indexOf(':', after + 1) < 0);
      return portOnly ? address.substring(1, close) : address;
    }
    int colon = address.lastIndexOf(':');
    if (colon < 0 || address.indexOf(':') != colon) {
      return address;
    }
    return address.substring(0, colon);
  }

  /** The host of an absolute ({@code scheme://}) or scheme-relative ({@code //}) URL, else null. */
  static String urlHost(String url) {
    int end = url.length();
    for (int i = 0; i < end; i++) {
      char c = url.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return null;
      }
    }
    int fragment = url.indexOf('#');
    if (fragment >= 0) {
      end = fragment;
    }
    int schemeEnd = schemeEnd(url, end);
    if (schemeEnd == 0) {
      return null; // ":foo" — Go: missing protocol scheme
    }
    int rest = schemeEnd > 0 ? schemeEnd + 1 : 0;
    int query = url.indexOf('?', rest);
    if (query >= 0 && query < end) {
      end = query;
    }
    if (!url.startsWith("//", rest) || url.startsWith("///", rest)) {
      return null; // no authority: a path, or an opaque URL such as mailto:
    }
    int authorityStart = rest + 2;
    int authorityEnd = url.indexOf('/', authorityStart);
    if (authorityEnd < 0 || authorityEnd > end) {
      authorityEnd = end;
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    int hostStart = at >= authorityStart ? at + 1 : authorityStart;
    return hostOf(url.substring(hostStart, authorityEnd));
  }

  /** Index of the ':' ending a valid scheme, -1 when the text has no scheme. */
  private static int schemeEnd(String url, int end) {
    for (int i = 0; i < end; i++) {
      char c = url.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static String hostOf(String hostPort) {
    String host;
    if (hostPort.startsWith("[")) {
      int close = hostPort.lastIndexOf(']');
      if (close < 0 || !isOptionalPort(hostPort, close + 1)) {
        return null;
      }
      host = hostPort.substring(1, close);
    } else {
      int colon = hostPort.lastIndexOf(':');
      if (colon >= 0 && !isOptionalPort(hostPort, colon)) {
        return null;
      }
      host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
    }
    for (int i = 0; i < host.length(); i++) {
      if (!isHostChar(host.charAt(i))) {
        return null;
      }
    }
    return host.indexOf('%') < 0 ? host : percentDecode(host);
  }

  /** Empty, or ':' followed by digits only. */
  private static boolean isOptionalPort(String s, int from) {
    if (from == s.length()) {
      return true;
    }
    if (s.charAt(from) != ':') {
      return false;
    }
    for (int i = from + 1; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // Go's url.Parse refuses other ASCII characters in a host; non-ASCII passes through.
  private static boolean isHostChar(char c) {
    if (c >= 0x80
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')) {
      return true;
    }
    return "-._~!$&'()*+,;=:[]<>\"%".indexOf(c) >= 0;
  }

  private static String percentDecode(String host) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(host.length());
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '%') {
        if (i + 2 >= host.length()
            || !IpAddress.isHexDigit(host.charAt(i + 1))
            || !IpAddress.isHexDigit(host.charAt(i + 2))) {
          return null;
        }
        bytes.write(Character.digit(host.charAt(i + 1), 16) << 4 | Character.digit(host.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
