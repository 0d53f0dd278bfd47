package dev.tarn.indicator;

/**
 * Decodes one Punycode label (RFC 3492), the part after {@code xn--}.
 *
 * <p>{@code java.net.IDN.toUnicode} is not usable here: it implements IDNA 2003, whose round-trip check
 * rejects labels such as {@code xn--fa-hia} ({@code faß}) that Panther decodes, and it returns the
 * input unchanged instead of reporting the failure.
 */
final class Punycode {
  private static final int BASE = 36;
  private static final int T_MIN = 1;
  private static final int T_MAX = 26;
  private static final int SKEW = 38;
  private static final int DAMP = 700;
  private static final int INITIAL_BIAS = 72;
  private static final int INITIAL_N = 128;

  private Punycode() {}

  /** The Unicode form of {@code encoded}, or null when it is not valid Punycode. */
  static String decode(String encoded) {
    int delimiter = encoded.lastIndexOf('-');
    int[] output = new int[encoded.length()];
    int length = 0;
    for (int j = 0; j < Math.max(delimiter, 0); j++) {
      char c = encoded.charAt(j);
      if (c >= 0x80) {
        return null;
      }
      output[length++] = c;
    }
    int n = INITIAL_N;
    int bias = INITIAL_BIAS;
    int i = 0;
    int in = delimiter > 0 ? delimiter + 1 : 0;
    while (in < encoded.length()) {
      int oldI = i;
      int weight = 1;
      for (int k = BASE; ; k += BASE) {
        if (in >= encoded.length()) {
          return null;
        }
        int digit = digit(encoded.charAt(in++));
        if (digit < 0 || digit > (Integer.MAX_VALUE - i) / weight) {
          return null;
        }
        i += digit * weight;
        int threshold = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
        if (digit < threshold) {
          break;
        }
        if (weight > Integer.MAX_VALUE / (BASE - threshold)) {
          return null;
        }
        weight *= BASE - threshold;
      }
      bias = adapt(i - oldI, length + 1, oldI == 0);
      if (i / (length + 1) > Integer.MAX_VALUE - n) {
        return null;
      }
      n += i / (length + 1);
      i %= length + 1;
      if (n > Character.MAX_CODE_POINT || (n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE)) {
        return null;
      }
      System.arraycopy(output, i, output, i + 1, length - i);
      output[i++] = n;
      length++;
    }
    return new String(output, 0, length);
  }

  private static int adapt(int delta, int points, boolean first) {
    delta = first ? delta / DAMP : delta / 2;
    delta += delta / points;
    int k = 0;
    while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
      delta /= BASE - T_MIN;
      k += BASE;
    }
    return k + (BASE - T_MIN + 1) * delta / (delta + SKEW);
  }

  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0' + 26;
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a';
    }
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    return -1;
  }
}
