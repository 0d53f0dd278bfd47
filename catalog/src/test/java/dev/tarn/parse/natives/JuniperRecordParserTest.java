package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import dev.tarn.parse.natives.JuniperRecordParser.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JuniperRecordParserTest {
  private static final Clock JULY_2021 = Clock.fixed(Instant.parse("2021-07-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Clock JANUARY_2021 = Clock.fixed(Instant.parse("2021-01-05T00:00:00Z"), ZoneOffset.UTC);

  @Test
  void readsAnAccessHeaderAndAcceptsItsRequestLinesWithoutEvents() throws Exception {
    JuniperRecordParser parser = new JuniperRecordParser(Kind.ACCESS, JULY_2021);

    assertThat(parser.parse("Mar 19 19:48:14 webappsecure [INFO][mws-access][se-request-25] key:1252-c7,"
        + "PHASE_REQUEST_POST_PROCESS,127.0.0.1,http://10.20.0.53:80/")).containsExactly(event("""
        {"timestamp": "2021-03-19T19:48:14Z", "hostname": "webappsecure", "log_level": "INFO", "type": "mws-access",
         "thread": "se-request-25", "unique_request_key": "1252-c7", "stage": "PHASE_REQUEST_POST_PROCESS",
         "proxy_client_ip": "127.0.0.1", "url": "http://10.20.0.53:80/"}"""));
    assertThat(parser.parse("GET / HTTP/1.1")).isEmpty();
    assertThat(parser.parse("host: 10.20.0.53")).isEmpty();
  }

  @Test
  void rejectsContinuationLinesWithoutAnAccessHeaderBefore() {
    assertThatThrownBy(() -> new JuniperRecordParser(Kind.ACCESS, JULY_2021).parse("host: 10.20.0.53"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageStartingWith("invalid Juniper log line: expected 'Mmm d hh:mm:ss host '");
  }

  @Test
  void takesLastYearForALaterMonthReadInJanuary() throws Exception {
    assertThat(new JuniperRecordParser(Kind.MWS, JANUARY_2021)
        .parse("Dec 31 23:59:59 jwas [mws-ui]: spawned uWSGI worker 1").get(0).get("timestamp").asText())
        .isEqualTo("2020-12-31T23:59:59Z");
  }

  @Test
  void readsMwsLinesWithAndWithoutLevelAndComponent() throws Exception {
    JuniperRecordParser parser = new JuniperRecordParser(Kind.MWS, JULY_2021);

    assertThat(parser.parse("Mar 19 18:42:38 jwas [INFO][mws-cluster-services][db-cleanup] Cleanup done"))
        .containsExactly(event("""
            {"timestamp": "2021-03-19T18:42:38Z", "hostname": "jwas", "log_level": "INFO",
             "service_name": "mws-cluster-services", "service_component": "db-cleanup",
             "log_message": "Cleanup done"}"""));
    assertThat(parser.parse("Mar 19 19:42:16 jwas [mws-ui]: spawned worker")).containsExactly(event("""
        {"timestamp": "2021-03-19T19:42:16Z", "hostname": "jwas", "service_name": "mws-ui",
         "log_message": "spawned worker"}"""));
  }

  @Test
  void readsAuditLinesTellingApiKeysFromUsers() throws Exception {
    JuniperRecordParser parser = new JuniperRecordParser(Kind.AUDIT, JULY_2021);

    assertThat(parser.parse("Feb 7 20:29:51 my-jwas [mws-audit][INFO] [mykonos] [10.10.0.113] Login failed"))
        .containsExactly(event("""
            {"timestamp": "2021-02-07T20:29:51Z", "hostname": "my-jwas", "log_level": "INFO",
             "username": "mykonos", "login_ip": "10.10.0.113", "message": "Login failed"}"""));
    assertThat(parser.parse("Jan 23 19:16:22 my-jwas [mws-audit][INFO] [ea77722a8516b0d1135abb19b1982852] Deactivate")
        .get(0).get("api_key").asText()).isEqualTo("ea77722a8516b0d1135abb19b1982852");
  }

  @Test
  void readsFirewallKeysAndFlags() throws Exception {
    assertThat(new JuniperRecordParser(Kind.FIREWALL, JULY_2021).parse("Mar 19 20:56:59 fw kernel: IPTABLES Dropped:"
        + " IN=eth0 OUT= SRC=0.0.0.0 DST=255.255.255.255 LEN=337 DF PROTO=UDP SPT=68 DPT=67 LEN=317"))
        .containsExactly(event("""
            {"timestamp": "2021-03-19T20:56:59Z", "hostname": "fw", "event": "IPTABLES Dropped", "IN": "eth0",
             "SRC": "0.0.0.0", "DST": "255.255.255.255", "LEN": "337", "DF": "true", "PROTO": "UDP",
             "SPT": "68", "DPT": "67"}"""));
  }

  @Test
  void readsPostgresLines() throws Exception {
    assertThat(new JuniperRecordParser(Kind.POSTGRES, JULY_2021).parse("Mar 5 13:12:40 was postgres[21640]: [20-1]"
        + " 08P01 531647dc.5488 LOG: unexpected EOF")).containsExactly(event("""
            {"timestamp": "2021-03-05T13:12:40Z", "hostname": "was", "pid": "21640", "group_id_major": "20",
             "group_id_minor": "1", "sql_error_code": "08P01", "session_id": "531647dc.5488", "message_type": "LOG",
             "message": "unexpected EOF"}"""));
  }

  @Test
  void readsSecurityKeyValues() throws Exception {
    assertThat(new JuniperRecordParser(Kind.SECURITY, JULY_2021).parse("Oct 13 16:33:55 jwas1"
        + " [INFO][mws-security-alert][auto-response] MKS_Category=\"New Counter Response\" MKS_ProfileId=\"3811\""
        + " MKS_ResponseCreated=\"2014-10-13 16:33:54.0\" MKS_ResponseExpires=\"null\" MKS_SilentRunning=\"true\""))
        .containsExactly(event("""
            {"timestamp": "2021-10-13T16:33:55Z", "hostname": "jwas1", "log_level": "INFO",
             "service": "auto-response", "category": "New Counter Response", "profile_id": "3811",
             "created_date": "2014-10-13T16:33:54Z", "silent_running": "true"}"""));
  }
}
