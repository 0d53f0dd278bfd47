package dev.tarn.time;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A way timestamps are written in logs — one of the {@code timeFormat} values of a Panther log
 * schema — and the parser that reads it.
 *
 * <p>Instances are immutable and thread-safe; patterns are compiled once, in {@link #of}. They are
 * serializable so a Spark closure can capture one.
 */
public interface TimeFormat extends Serializable {

  /**
   * Epoch microseconds (UTC) of {@code text}, surrounding whitespace ignored. Digits below a
   * microsecond are dropped (towards the past), as Spark timestamps hold microseconds.
   *
   * @throws TimestampParseException naming the text and the expected format when it does not parse;
   *     blank text never parses (callers map empty values to null first)
   */
  long parseMicros(String text);

  /** The schema value this format was made from, e.g. {@code rfc3339} or {@code %d/%b/%Y}. */
  String spec();

  /**
   * The format for a schema's {@code timeFormat} value:
   *
   * <ul>
   *   <li>{@code rfc3339} (also the empty string, Panther's default)
   *   <li>{@code unix} (seconds, fractions allowed), {@code unix_ms}, {@code unix_us}, {@code unix_ns}
   *   <li>{@code cloudflare}: RFC 3339, or an integer of unix seconds, or of nanoseconds from
   *       60,000,000,000 up
   *   <li>a strftime pattern — any value containing {@code %}
   *   <li>{@code layout=} followed by a Go reference-time layout, e.g.
   *       {@code layout=2006-01-02 15:04:05 MST}
   * </ul>
   *
   * @throws IllegalArgumentException when the value is none of these, or a pattern uses a directive
   *     that is not supported
   */
  static TimeFormat of(String spec) {
    requireNonNull(spec, "spec is null");
    switch (spec) {
      case "":
      case "rfc3339":
        return Rfc3339Format.INSTANCE;
      case "unix":
        return UnixFormat.UNIX;
      case "unix_ms":
        return UnixFormat.UNIX_MS;
      case "unix_us":
        return UnixFormat.UNIX_US;
      case "unix_ns":
        return UnixFormat.UNIX_NS;
      case "cloudflare":
        return CloudflareFormat.INSTANCE;
      default:
        break;
    }
    if (spec.startsWith(GoLayout.SPEC_PREFIX)) {
      return GoLayout.compile(spec);
    }
    if (spec.indexOf('%') >= 0) {
      return Strftime.compile(spec);
    }
    throw new IllegalArgumentException(
        "Unknown timeFormat: \""
            + spec
            + "\" (expected rfc3339, unix, unix_ms, unix_us, unix_ns, cloudflare, a strftime pattern"
            + " containing %, or layout=<Go layout>)");
  }
}
