package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class Syslog3164RecordParserTest {
  private static final Clock JULY_2021 = Clock.fixed(Instant.parse("2021-07-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Clock JANUARY_2021 = Clock.fixed(Instant.parse("2021-01-05T00:00:00Z"), ZoneOffset.UTC);

  private final Syslog3164RecordParser parser = new Syslog3164RecordParser(JULY_2021);

  @Test
  void readsPriorityHeaderTagPidAndMessage() throws Exception {
    assertThat(parser.parse("<34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed for lonvick on /dev/pts/8"))
        .containsExactly(event("""
            {"priority": "34", "facility": "4", "severity": "2", "timestamp": "2021-10-11T22:14:15Z",
             "hostname": "mymachine", "appname": "su", "procid": "230",
             "message": "'su root' failed for lonvick on /dev/pts/8"}"""));
  }

  @Test
  void readsATagWithoutPid() throws Exception {
    assertThat(parser.parse("<13>Feb  5 17:32:18 10.0.0.99 myapp: Use the BFG!")).containsExactly(event("""
        {"priority": "13", "facility": "1", "severity": "5", "timestamp": "2021-02-05T17:32:18Z",
         "hostname": "10.0.0.99", "appname": "myapp", "message": "Use the BFG!"}"""));
  }

  @Test
  void keepsTextWithoutATagAsTheWholeMessage() throws Exception {
    assertThat(parser.parse("<13>Feb  5 17:32:18 host just some text").get(0)).isEqualTo(event("""
        {"priority": "13", "facility": "1", "severity": "5", "timestamp": "2021-02-05T17:32:18Z",
         "hostname": "host", "message": "just some text"}"""));
  }

  @Test
  void acceptsALineThatEndsAtTheHost() throws Exception {
    assertThat(parser.parse("<13>Feb  5 17:32:18 host")).containsExactly(event("""
        {"priority": "13", "facility": "1", "severity": "5", "timestamp": "2021-02-05T17:32:18Z",
         "hostname": "host"}"""));
  }

  @Test
  void takesLastYearForALaterMonthReadInJanuary() throws Exception {
    assertThat(new Syslog3164RecordParser(JANUARY_2021).parse("<13>Dec 31 23:59:59 host app: bye")
        .get(0).get("timestamp").textValue()).isEqualTo("2020-12-31T23:59:59Z");
  }

  @Test
  void rejectsAnRfc5424Line() {
    assertThatThrownBy(() -> parser.parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - hi"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageStartingWith("invalid RFC 3164 syslog line: expected 'Mmm d hh:mm:ss host' after the priority");
  }

  @Test
  void rejectsALineWithoutPriority() {
    assertThatThrownBy(() -> parser.parse("Oct 11 22:14:15 mymachine su: hi"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid syslog line: expected '<PRI>' (1 to 3 digits) at the start");
  }

  @Test
  void rejectsAPriorityAbove191() {
    assertThatThrownBy(() -> parser.parse("<192>Oct 11 22:14:15 mymachine su: hi"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid syslog priority 192 (must be 0..191)");
  }
}
