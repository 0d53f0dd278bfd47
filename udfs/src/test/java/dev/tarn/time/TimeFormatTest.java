package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

  @Test
  void emptySpecMeansRfc3339() {
    assertThat(TimeFormat.of("")).isSameAs(TimeFormat.of("rfc3339"));
  }

  @Test
  void keepsTheSpecItWasMadeFrom() {
    for (String spec :
        new String[] {"rfc3339", "unix", "unix_ms", "unix_us", "unix_ns", "cloudflare", "%Y", "layout=2006"}) {
      assertThat(TimeFormat.of(spec).spec()).isEqualTo(spec);
    }
  }

  @Test
  void rejectsUnknownSpecsListingTheValidOnes() {
    assertThatThrownBy(() -> TimeFormat.of("iso8601"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"iso8601\"")
        .hasMessageContaining("rfc3339, unix, unix_ms");
  }

  @Test
  void compiledPatternsSurviveJavaSerialization() throws Exception {
    TimeFormat format = TimeFormat.of("%d/%b/%Y:%H:%M:%S %z");

    TimeFormat copy = roundTrip(format);

    assertThat(copy).isEqualTo(format);
    assertThat(copy.parseMicros("10/Oct/2000:13:55:36 -0700")).isEqualTo(Micros.of("2000-10-10T20:55:36Z"));
  }

  @Test
  void builtInFormatsSerializeAsThemselves() throws Exception {
    assertThat(roundTrip(TimeFormat.of("unix_ms"))).isSameAs(TimeFormat.of("unix_ms"));
  }

  @Test
  void parseErrorsAreDateTimeExceptionsCarryingTextAndFormat() {
    assertThatThrownBy(() -> TimeFormat.of("unix").parseMicros("x"))
        .isInstanceOfSatisfying(
            TimestampParseException.class,
            e -> {
              assertThat(e).isInstanceOf(java.time.DateTimeException.class);
              assertThat(e.text()).isEqualTo("x");
              assertThat(e.expected()).startsWith("unix seconds");
            });
  }

  @Test
  void longTextIsShortenedInErrorMessages() {
    String text = "x".repeat(500);

    assertThatThrownBy(() -> TimeFormat.of("rfc3339").parseMicros(text))
        .hasMessageContaining("...\" (500 chars)");
  }

  private static TimeFormat roundTrip(TimeFormat format) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(format);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (TimeFormat) in.readObject();
    }
  }
}
