package dev.tarn.indicator;

/** How a domain-name indicator is written: as Panther's goldens show it, not as it appeared. */
final class DomainName {
  private static final String ACE_PREFIX = "xn--";

  private DomainName() {}

  /**
   * Drops the root dot of a fully qualified name ({@code api.example.com.} → {@code api.example.com},
   * as DNS logs write them) and decodes Punycode labels to Unicode ({@code xn--fa-hia.com} →
   * {@code faß.com}). A label that is not valid Punycode, or decodes to plain ASCII, is kept as
   * written.
   */
  static String normalize(String name) {
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (!containsAcePrefix(name)) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length());
    int start = 0;
    while (start <= name.length()) {
      int end = name.indexOf('.', start);
      if (end < 0) {
        end = name.length();
      }
      String decoded = null;
      if (name.regionMatches(true, start, ACE_PREFIX, 0, ACE_PREFIX.length())) {
        decoded = Punycode.decode(name.substring(start + ACE_PREFIX.length(), end));
        if (decoded != null && isAscii(decoded)) {
          decoded = null; // IDNA never encodes a plain-ASCII label: this one is not real Punycode
        }
      }
      if (start > 0) {
        out.append('.');
      }
      if (decoded != null) {
        out.append(decoded);
      } else {
        out.append(name, start, end);
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean containsAcePrefix(String name) {
    int last = name.length() - ACE_PREFIX.length();
    for (int i = 0; i <= last; i++) {
      if ((i == 0 || name.charAt(i - 1) == '.')
          && name.regionMatches(true, i, ACE_PREFIX, 0, ACE_PREFIX.length())) {
        return true;
      }
    }
    return false;
  }
}
