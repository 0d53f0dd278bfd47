package dev.tarn.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CloudflareFormatTest {
  private final TimeFormat cloudflare = TimeFormat.of("cloudflare");

  @Test
  void readsRfc3339() {
    assertThat(cloudflare.parseMicros("2020-09-17T18:00:01Z")).isEqualTo(Micros.of("2020-09-17T18:00:01Z"));
  }

  @Test
  void readsSmallIntegersAsSeconds() {
    assertThat(cloudflare.parseMicros("1600365601")).isEqualTo(Micros.of("2020-09-17T18:00:01Z"));
    assertThat(cloudflare.parseMicros("59999999999")).isEqualTo(59_999_999_999_000_000L);
  }

  @Test
  void readsIntegersFromSixtyBillionAsNanoseconds() {
    assertThat(cloudflare.parseMicros("60000000000")).isEqualTo(60_000_000L);
    assertThat(cloudflare.parseMicros("1600368586194526741"))
        .isEqualTo(Micros.of("2020-09-17T18:49:46.194526Z"));
  }

  @Test
  void readsDecimalsAsSeconds() {
    assertThat(cloudflare.parseMicros("1600365601.25")).isEqualTo(Micros.of("2020-09-17T18:00:01.25Z"));
  }

  @Test
  void errorNamesTheAcceptedEncodings() {
    assertThatThrownBy(() -> cloudflare.parseMicros("soon"))
        .isInstanceOf(TimestampParseException.class)
        .hasMessageContaining("\"soon\"")
        .hasMessageContaining("RFC 3339, unix seconds or unix nanoseconds");
  }
}
