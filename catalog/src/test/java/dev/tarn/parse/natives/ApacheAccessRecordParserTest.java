package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class ApacheAccessRecordParserTest {

  private static final String COMMON =
      "127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326";
  private static final String COMBINED =
      COMMON + " \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"";

  @Test
  void parsesTheCommonFormatAndRendersTheTimeInUtc() throws Exception {
    assertThat(new ApacheAccessRecordParser(false).parse(COMMON)).containsExactly(event("""
        {"remote_host_ip_address": "127.0.0.1", "request_user": "frank", "request_time": "2000-10-10T20:55:36Z",
         "request_method": "GET", "request_uri": "/apache_pb.gif", "request_protocol": "HTTP/1.0",
         "response_status": "200", "response_size": "2326"}"""));
  }

  @Test
  void parsesTheCombinedFormat() throws Exception {
    assertThat(new ApacheAccessRecordParser(true).parse(COMBINED)).containsExactly(event("""
        {"remote_host_ip_address": "127.0.0.1", "request_user": "frank", "request_time": "2000-10-10T20:55:36Z",
         "request_method": "GET", "request_uri": "/apache_pb.gif", "request_protocol": "HTTP/1.0",
         "response_status": "200", "response_size": "2326", "referer": "http://www.example.com/start.html",
         "user_agent": "Mozilla/4.08 [en] (Win98; I ;Nav)"}"""));
  }

  @Test
  void keepsEscapedQuotesInsideQuotedFields() throws Exception {
    String line = COMMON + " \"-\" \"agent \\\"x\\\" 1.0\"";

    assertThat(new ApacheAccessRecordParser(true).parse(line).get(0).get("user_agent").textValue())
        .isEqualTo("agent \\\"x\\\" 1.0");
  }

  @Test
  void keepsLinesWithoutARequestLine() throws Exception {
    String line = "192.0.2.7 - - [10/Oct/2000:13:55:36 +0000] \"-\" 408 -";

    assertThat(new ApacheAccessRecordParser(false).parse(line)).containsExactly(event("""
        {"remote_host_ip_address": "192.0.2.7", "request_time": "2000-10-10T13:55:36Z", "response_status": "408"}"""));
  }

  @Test
  void rejectsACombinedLineAsCommon() {
    assertThatThrownBy(() -> new ApacheAccessRecordParser(false).parse(COMBINED))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("unexpected text after the 7 fields of the Apache common log format");
  }

  @Test
  void rejectsACommonLineAsCombined() {
    assertThatThrownBy(() -> new ApacheAccessRecordParser(true).parse(COMMON))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("line ends after 7 fields, expected more");
  }

  @Test
  void rejectsAStatusThatIsNotThreeDigits() {
    assertThatThrownBy(() -> new ApacheAccessRecordParser(false).parse(COMMON.replace(" 200 ", " OK ")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid response status 'OK' (expected 3 digits)");
  }

  @Test
  void rejectsARequestLineWithoutProtocol() {
    assertThatThrownBy(() -> new ApacheAccessRecordParser(false).parse(COMMON.replace(" HTTP/1.0\"", "\"")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("invalid request line 'GET /apache_pb.gif'");
  }

  @Test
  void rejectsAnUnbracketedTime() {
    assertThatThrownBy(() -> new ApacheAccessRecordParser(false).parse("a b c d e f g"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("expected a bracketed field at field 4");
  }
}
