package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

/** Fastly.Access is read by the Common Log Format parser that Apache.AccessCommon uses. */
class FastlyAccessTest {

  @Test
  void parsesACommonLogFormatLine() throws Exception {
    assertThat(NativeParsers.create("Fastly.Access")
        .parse("198.51.100.7 - - [21/Oct/2020:10:00:00 +0000] \"GET /assets/app.js HTTP/2\" 304 0"))
        .containsExactly(event("""
            {"remote_host_ip_address": "198.51.100.7", "request_time": "2020-10-21T10:00:00Z",
             "request_method": "GET", "request_uri": "/assets/app.js", "request_protocol": "HTTP/2",
             "response_status": "304", "response_size": "0"}"""));
  }

  @Test
  void rejectsACombinedFormatLine() {
    assertThatThrownBy(() -> NativeParsers.create("Fastly.Access")
        .parse("198.51.100.7 - - [21/Oct/2020:10:00:00 +0000] \"GET / HTTP/2\" 200 10 \"-\" \"curl/7.68.0\""))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageStartingWith("unexpected text after the 7 fields");
  }
}
