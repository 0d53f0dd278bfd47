package dev.tarn.alerts.delivery;

import static java.util.Objects.requireNonNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * The SSRF guard: destination URLs are user input, so before every outbound request the host is resolved and the
 * request is refused when any of its addresses is internal (loopback, private, link-local including cloud metadata
 * services, unique-local IPv6, carrier-grade NAT, multicast, reserved, and IPv6 forms that embed one of those IPv4
 * addresses), unless the destination sets {@code allowPrivateNetwork}. Only http and https are allowed at all.
 *
 * <p>The HTTP client resolves the host again when it connects. The JVM caches successful lookups (30 s by default),
 * so both lookups see the same addresses unless the cache entry expires in between; a DNS-rebinding attacker who wins
 * that race is not stopped by this guard. Redirects are never followed (see {@link DeliveryContext}), so a public
 * server cannot bounce a request to an internal one.
 */
public final class NetworkGuard {
  /** Resolves a host name to its addresses; tests may substitute one that answers without DNS. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  static final String HOW_TO_ALLOW =
      "if this destination is meant to reach an internal service, set allowPrivateNetwork on the destination";

  private final Resolver resolver;

  public NetworkGuard() {
    this(InetAddress::getAllByName);
  }

  public NetworkGuard(Resolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver is null");
  }

  /**
   * Checks a request target. Empty when the request may go ahead; otherwise the result to report: permanent for a
   * refused scheme or address, retryable when the host does not resolve (DNS failures are often transient).
   */
  public Optional<DeliveryResult> check(URI uri, boolean allowPrivateNetwork) {
    requireNonNull(uri, "uri is null");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(DeliveryResult.permanent(null, "Refused URL scheme '" + scheme + "'"
          + (host == null ? "" : " for host " + host) + ": destinations must use http or https"));
    }
    if (host == null || host.isEmpty()) {
      return Optional.of(DeliveryResult.permanent(null,
          "The destination URL has no valid host name: fix the URL in the destination's settings"));
    }
    if (allowPrivateNetwork) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of(DeliveryResult.retryable(null, "Cannot resolve host " + host
          + ": check the host name in the destination's settings and this machine's DNS"));
    }
    for (InetAddress address : addresses) {
      Optional<String> reason = blockedReason(address);
      if (reason.isPresent()) {
        return Optional.of(DeliveryResult.permanent(null, "Refused to send to host " + host + " ("
            + address.getHostAddress() + "): " + reason.get() + ". Tarn blocks internal addresses to prevent "
            + "server-side request forgery; " + HOW_TO_ALLOW));
      }
    }
    return Optional.empty();
  }

  /** Why an address is internal, or empty for a public address. */
  public static Optional<String> blockedReason(InetAddress address) {
    requireNonNull(address, "address is null");
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return ipv4Reason(b);
    }
    if (address instanceof Inet6Address) {
      return ipv6Reason(b);
    }
    return Optional.of("unknown address family");
  }

  private static Optional<String> ipv4Reason(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    int a3 = b[3] & 0xff;
    if (a0 == 0) {
      return Optional.of("unspecified (\"this network\") address");
    }
    if (a0 == 127) {
      return Optional.of("loopback address");
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return Optional.of("private network address");
    }
    if (a0 == 169 && a1 == 254) {
      return Optional.of(a2 == 169 && a3 == 254 ? "cloud instance metadata address (link-local)"
          : "link-local address");
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return Optional.of("carrier-grade NAT (shared address space) address");
    }
    if (a0 == 192 && a1 == 0 && a2 == 0) {
      return Optional.of("IETF protocol assignment address");
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return Optional.of("benchmarking network address");
    }
    if ((a0 & 0xf0) == 224) {
      return Optional.of("multicast address");
    }
    if ((a0 & 0xf0) == 240) {
      return Optional.of("reserved or broadcast address");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6Reason(byte[] b) {
    if (allZero(b, 0, 16)) {
      return Optional.of("unspecified address");
    }
    if (allZero(b, 0, 15) && b[15] == 1) {
      return Optional.of("loopback address");
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of("link-local address");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return Optional.of("site-local address");
    }
    if ((b0 & 0xfe) == 0xfc) {
      return Optional.of("unique-local (private) address");
    }
    if (b0 == 0xff) {
      return Optional.of("multicast address");
    }
    // Forms that carry an IPv4 address: the IPv4 rules apply to the embedded address.
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return embedded(b, 12, "IPv4-mapped");
    }
    if (allZero(b, 0, 12)) {
      return embedded(b, 12, "IPv4-compatible");
    }
    if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
      return embedded(b, 12, "NAT64");
    }
    if (b0 == 0x20 && b1 == 0x02) {
      return embedded(b, 2, "6to4");
    }
    return Optional.empty();
  }

  private static Optional<String> embedded(byte[] b, int offset, String form) {
    byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    return ipv4Reason(v4).map(reason -> form + " IPv6 form of an IPv4 " + reason);
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
