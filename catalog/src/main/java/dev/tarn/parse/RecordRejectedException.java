package dev.tarn.parse;

/**
 * A record that a parser or decoder does not accept. Its message is the reason that ends up in quarantine, so it
 * says what was wrong ("expected 25 space-separated columns, found 7"), never just "parse error". Stack traces are
 * not captured: rejections are expected, frequent and cheap.
 */
public final class RecordRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecordRejectedException(String reason) {
    super(reason, null, false, false);
  }

  public static RecordRejectedException of(String format, Object... args) {
    return new RecordRejectedException(String.format(format, args));
  }
}
