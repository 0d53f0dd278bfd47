package dev.tarn.time;

/**
 * Cloudflare Logpush timestamps, whose encoding is a per-job setting: RFC 3339 text, unix seconds, or
 * unix nanoseconds. Integers from 60,000,000,000 up are read as nanoseconds — as seconds they would
 * be past the year 3870, as nanoseconds they are after 1970-01-01T00:01Z.
 */
enum CloudflareFormat implements TimeFormat {
  INSTANCE;

  private static final String EXPECTED =
      "a Cloudflare timestamp: RFC 3339, unix seconds or unix nanoseconds";
  private static final long MIN_NANOSECONDS = 60_000_000_000L;

  @Override
  public String spec() {
    return "cloudflare";
  }

  @Override
  public long parseMicros(String text) {
    String trimmed = text == null ? null : text.strip();
    if (trimmed == null || !isNumber(trimmed)) {
      return Rfc3339Format.parse(text, EXPECTED);
    }
    if (trimmed.indexOf('.') >= 0) {
      return UnixFormat.UNIX.parse(trimmed, EXPECTED);
    }
    try {
      long value = Long.parseLong(trimmed);
      return value >= MIN_NANOSECONDS
          ? Math.floorDiv(value, 1_000L)
          : Math.multiplyExact(value, 1_000_000L);
    } catch (NumberFormatException | ArithmeticException outOfRange) {
      throw new TimestampParseException(text, EXPECTED, "out of range");
    }
  }

  /** An optionally signed decimal: digits with at most one '.'. */
  private static boolean isNumber(String text) {
    int start = !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
    if (start == text.length()) {
      return false;
    }
    boolean dot = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && !dot) {
        dot = true;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
