package dev.tarn.time;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;

/**
 * A timestamp text that does not match its {@link TimeFormat}.
 *
 * <p>Classification tries parsers line after line and expects most attempts to fail, so this
 * exception skips the stack trace: only the message, which names the text and the expected format,
 * is of use.
 */
public final class TimestampParseException extends DateTimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED_LENGTH = 120;

  private final String text;
  private final String expected;

  public TimestampParseException(String text, String expected) {
    this(text, expected, null);
  }

  public TimestampParseException(String text, String expected, String detail) {
    super(message(text, expected, detail));
    this.text = text;
    this.expected = requireNonNull(expected, "expected is null");
  }

  /** The text that failed to parse (may be null). */
  public String text() {
    return text;
  }

  /** A description of the format that was expected. */
  public String expected() {
    return expected;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  private static String message(String text, String expected, String detail) {
    String quoted;
    if (text == null) {
      quoted = "null";
    } else if (text.length() > MAX_QUOTED_LENGTH) {
      quoted = "\"" + text.substring(0, MAX_QUOTED_LENGTH) + "...\" (" + text.length() + " chars)";
    } else {
      quoted = "\"" + text + "\"";
    }
    return "Invalid timestamp " + quoted + ": expected " + expected + (detail == null ? "" : " (" + detail + ")");
  }
}
