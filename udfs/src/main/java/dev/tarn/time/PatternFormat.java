package dev.tarn.time;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.List;

/** A strftime pattern or Go layout, compiled to {@link PatternElement}s. */
final class PatternFormat implements TimeFormat {
  private static final long serialVersionUID = 1L;

  private final String spec;
  private final String expected;
  private final transient List<PatternElement> elements;

  PatternFormat(String spec, String expected, List<PatternElement> elements) {
    this.spec = requireNonNull(spec, "spec is null");
    this.expected = requireNonNull(expected, "expected is null");
    this.elements = List.copyOf(elements);
  }

  @Override
  public String spec() {
    return spec;
  }

  @Override
  public long parseMicros(String text) {
    if (text == null) {
      throw new TimestampParseException(null, expected);
    }
    int start = Trim.start(text);
    int end = Trim.end(text, start);
    if (start == end) {
      throw new TimestampParseException(text, expected);
    }
    ParsedFields fields = new ParsedFields();
    int p = start;
    for (PatternElement element : elements) {
      int next = element.parse(text, p, end, fields);
      if (next < 0) {
        throw new TimestampParseException(
            text, expected, "no match for " + element.token + " at offset " + p);
      }
      p = next;
    }
    if (p != end) {
      throw new TimestampParseException(text, expected, "unexpected text at offset " + p);
    }
    return fields.toMicros(text, expected);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PatternFormat && ((PatternFormat) other).spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }

  // Only the spec travels; the elements are recompiled on arrival.
  private Object writeReplace() {
    return new SerializedForm(spec);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("PatternFormat is serialized as its spec");
  }

  private static final class SerializedForm implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String spec;

    SerializedForm(String spec) {
      this.spec = spec;
    }

    private Object readResolve() {
      return TimeFormat.of(spec);
    }
  }
}
