package dev.tarn.detect.match;

import static java.util.Objects.requireNonNull;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) as the leading bits an address must start with, in the
 * 128-bit form of {@link IpText#bits}. Host bits after the prefix are ignored ({@code 10.1.2.3/8} is
 * {@code 10.0.0.0/8}), as Go's {@code net.ParseCIDR} does.
 *
 * @param text the block as written
 * @param prefixBits the first prefix-length bits of the network address, as {@code 0}/{@code 1} characters
 */
public record Cidr(String text, String prefixBits) {
  public static final String EXAMPLE = "e.g. 10.0.0.0/8 or 2001:db8::/32";

  public Cidr {
    requireNonNull(text, "text is null");
    requireNonNull(prefixBits, "prefixBits is null");
  }

  /** Parses a block; throws {@link IllegalArgumentException} saying what is wrong. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    String bits = IpText.bits(address);
    if (slash < 0 || bits == null || !text.substring(slash + 1).matches("[0-9]{1,3}")) {
      throw new IllegalArgumentException("'" + text + "' is not a CIDR block (" + EXAMPLE + ")");
    }
    int length = Integer.parseInt(text.substring(slash + 1));
    boolean v4 = address.indexOf(':') < 0;
    int max = v4 ? 32 : 128;
    if (length > max) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a CIDR block: the prefix length is at most " + max + " (" + EXAMPLE + ")");
    }
    return new Cidr(text, bits.substring(0, v4 ? 96 + length : length));
  }

  /** Whether an address given as {@link IpText#bits} lies in this block. */
  public boolean contains(String addressBits) {
    return addressBits != null && addressBits.startsWith(prefixBits);
  }

  @Override
  public String toString() {
    return text;
  }
}
