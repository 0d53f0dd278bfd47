package dev.tarn.logschema.infer;

import dev.tarn.indicator.IpAddress;
import dev.tarn.time.TimeFormat;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** What a string value looks like; a field's strings share the shapes that every one of its values has. */
enum StringShape {
  RFC3339,
  /** {@code 2006-01-02 15:04:05}, Go's and MySQL's default layout. */
  DATE_TIME,
  /** An integer written as a string, a candidate epoch when the key names a time. */
  DIGITS,
  IP,
  EMAIL,
  AWS_ARN,
  AWS_ACCOUNT_ID,
  HTTP_URL,
  MD5,
  SHA1,
  SHA256;

  static final String DATE_TIME_FORMAT = "%Y-%m-%d %H:%M:%S";

  private static final Pattern RFC3339_LIKE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}.*");
  private static final Pattern DATE_TIME_LIKE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$");
  private static final Pattern DIGITS_LIKE = Pattern.compile("^\\d{1,19}$");
  private static final Pattern EMAIL_LIKE = Pattern.compile("^[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  private static final Pattern ARN_LIKE = Pattern.compile("^arn:[a-z0-9-]+:[a-z0-9-]*:[a-z0-9-]*:\\d{0,12}:.+");
  private static final Pattern HTTP_URL_LIKE = Pattern.compile("^https?://[^\\s/?#]+\\S*$");
  private static final Pattern HEX = Pattern.compile("^[0-9a-fA-F]+$");
  // Parsed once; the time shapes are confirmed by the same parsers the decoder will use.
  private static final TimeFormat RFC3339_FORMAT = TimeFormat.of("rfc3339");
  private static final TimeFormat DATE_TIME_PARSER = TimeFormat.of(DATE_TIME_FORMAT);

  /** The shapes of a non-empty string. */
  static Set<StringShape> of(String text) {
    Set<StringShape> shapes = EnumSet.noneOf(StringShape.class);
    if (RFC3339_LIKE.matcher(text).matches() && parses(RFC3339_FORMAT, text)) {
      shapes.add(RFC3339);
    }
    if (DATE_TIME_LIKE.matcher(text).matches() && parses(DATE_TIME_PARSER, text)) {
      shapes.add(DATE_TIME);
    }
    if (DIGITS_LIKE.matcher(text).matches()) {
      shapes.add(DIGITS);
      if (text.length() == 12) {
        shapes.add(AWS_ACCOUNT_ID);
      }
    }
    if (IpAddress.isValid(text)) {
      shapes.add(IP);
    }
    if (EMAIL_LIKE.matcher(text).matches()) {
      shapes.add(EMAIL);
    }
    if (ARN_LIKE.matcher(text).matches()) {
      shapes.add(AWS_ARN);
    }
    if (HTTP_URL_LIKE.matcher(text).matches()) {
      shapes.add(HTTP_URL);
    }
    if (HEX.matcher(text).matches()) {
      switch (text.length()) {
        case 32 -> shapes.add(MD5);
        case 40 -> shapes.add(SHA1);
        case 64 -> shapes.add(SHA256);
        default -> { }
      }
    }
    return shapes;
  }

  private static boolean parses(TimeFormat format, String text) {
    try {
      format.parseMicros(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
