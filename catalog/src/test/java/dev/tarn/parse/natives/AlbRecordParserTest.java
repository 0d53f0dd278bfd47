package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class AlbRecordParserTest {

  private static final String LINE = "https 2018-07-02T22:23:00.186641Z app/my-loadbalancer/50dc6c495c0c9188"
      + " 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57"
      + " \"GET https://www.example.com:443/ HTTP/1.1\" \"curl/7.46.0\" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
      + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
      + " \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\""
      + " \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\" 1"
      + " 2018-07-02T22:22:48.364000Z \"authenticate,forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"";

  @Test
  void mapsColumnsToSchemaFields() throws Exception {
    assertThat(new AlbRecordParser().parse(LINE)).containsExactly(event("""
        {"type": "https", "timestamp": "2018-07-02T22:23:00.186641Z",
         "elb": "app/my-loadbalancer/50dc6c495c0c9188", "clientIp": "192.168.131.39", "clientPort": "2817",
         "targetIp": "10.0.0.1", "targetPort": "80", "requestProcessingTime": "0.086",
         "targetProcessingTime": "0.048", "responseProcessingTime": "0.037", "elbStatusCode": "200",
         "targetStatusCode": "200", "receivedBytes": "0", "sentBytes": "57", "requestHttpMethod": "GET",
         "requestUrl": "https://www.example.com:443/", "requestHttpVersion": "HTTP/1.1", "userAgent": "curl/7.46.0",
         "sslCipher": "ECDHE-RSA-AES128-GCM-SHA256", "sslProtocol": "TLSv1.2",
         "targetGroupArn": "arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067",
         "traceId": "Root=1-58337281-1d84f3d73c47ec4e58577259", "domainName": "www.example.com",
         "chosenCertArn": "arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012",
         "matchedRulePriority": "1", "requestCreationTime": "2018-07-02T22:22:48.364Z",
         "actionsExecuted": ["authenticate", "forward"]}"""));
  }

  @Test
  void leavesOutTargetWhenTheRequestNeverReachedOne() throws Exception {
    String line = LINE.replace(" 10.0.0.1:80 0.086 0.048 0.037 200 200 ", " - -1 -1 -1 460 - ");

    ObjectNode event = new AlbRecordParser().parse(line).get(0);

    assertThat(event.has("targetIp")).isFalse();
    assertThat(event.has("targetStatusCode")).isFalse();
    assertThat(event.get("requestProcessingTime").textValue()).isEqualTo("-1");
  }

  @Test
  void splitsBracketedIpv6ClientAddresses() throws Exception {
    String line = LINE.replace("192.168.131.39:2817", "[2001:db8::1]:2817");

    assertThat(new AlbRecordParser().parse(line).get(0).get("clientIp").textValue()).isEqualTo("2001:db8::1");
  }

  @Test
  void rejectsALineWithTooFewColumns() {
    assertThatThrownBy(() -> new AlbRecordParser().parse("https 2018-07-02T22:23:00.186641Z app/x 1.1.1.1:1"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("expected at least 25 space-separated columns, found 4");
  }

  @Test
  void rejectsAnUnknownRequestType() {
    assertThatThrownBy(() -> new AlbRecordParser().parse("ftp" + LINE.substring("https".length())))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("unknown ALB request type 'ftp'");
  }

  @Test
  void rejectsARequestThatIsNotThreeParts() {
    assertThatThrownBy(() -> new AlbRecordParser().parse(LINE.replace(" HTTP/1.1\"", "\"")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("invalid ALB request 'GET https://www.example.com:443/'");
  }

  @Test
  void rejectsAnInvalidTimestamp() {
    assertThatThrownBy(() -> new AlbRecordParser().parse(LINE.replace("2018-07-02T22:23:00.186641Z", "yesterday")))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid timestamp 'yesterday' (expected an RFC 3339 time)");
  }
}
