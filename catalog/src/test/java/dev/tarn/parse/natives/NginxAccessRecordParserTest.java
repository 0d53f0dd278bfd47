package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class NginxAccessRecordParserTest {

  private static final String LINE = "192.0.2.10 - alice [10/Oct/2000:13:55:36 -0700] \"GET /index.html HTTP/1.1\""
      + " 200 612 \"https://example.com/start\" \"Mozilla/5.0 (X11; Linux x86_64)\"";

  private final NginxAccessRecordParser parser = new NginxAccessRecordParser();

  @Test
  void parsesTheCombinedFormatKeepingTheRequestLineWhole() throws Exception {
    assertThat(parser.parse(LINE)).containsExactly(event("""
        {"remoteAddr": "192.0.2.10", "remoteUser": "alice", "time": "2000-10-10T20:55:36Z",
         "request": "GET /index.html HTTP/1.1", "status": "200", "bodyBytesSent": "612",
         "httpReferer": "https://example.com/start", "httpUserAgent": "Mozilla/5.0 (X11; Linux x86_64)"}"""));
  }

  @Test
  void omitsFieldsLoggedAsDash() throws Exception {
    assertThat(parser.parse("192.0.2.10 - - [10/Oct/2000:13:55:36 +0000] \"-\" 400 0 \"-\" \"-\""))
        .containsExactly(event("""
            {"remoteAddr": "192.0.2.10", "time": "2000-10-10T13:55:36Z", "status": "400", "bodyBytesSent": "0"}"""));
  }

  @Test
  void rejectsACommonFormatLineWithoutRefererAndUserAgent() {
    assertThatThrownBy(() -> parser.parse("192.0.2.10 - - [10/Oct/2000:13:55:36 +0000] \"GET / HTTP/1.1\" 200 612"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("line ends after 7 fields, expected more");
  }

  @Test
  void rejectsTextAfterTheUserAgent() {
    assertThatThrownBy(() -> parser.parse(LINE + " \"upstream\""))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("unexpected text after the 9 fields of the nginx combined log format");
  }

  @Test
  void rejectsANonNumericStatus() {
    assertThatThrownBy(() -> parser.parse(LINE.replace(" 200 ", " OK ")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid status 'OK' (expected a number)");
  }
}
