package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class Syslog5424RecordParserTest {

  private final Syslog5424RecordParser parser = new Syslog5424RecordParser();

  @Test
  void splitsPriorityIntoFacilityAndSeverityAndOmitsNilFields() throws Exception {
    assertThat(parser.parse("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFFsu root failed"))
        .containsExactly(event("""
            {"priority": "34", "facility": "4", "severity": "2", "version": "1",
             "timestamp": "2003-10-11T22:14:15.003Z", "hostname": "mymachine.example.com", "appname": "su",
             "msgid": "ID47", "message": "su root failed"}"""));
  }

  @Test
  void rendersTheTimestampInUtc() throws Exception {
    assertThat(parser.parse("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - It's time")
        .get(0).get("timestamp").textValue()).isEqualTo("2003-08-24T12:14:15.000003Z");
  }

  @Test
  void readsStructuredDataIntoNestedObjects() throws Exception {
    String line = "<165>1 2003-10-11T22:14:15.003Z host evntslog - ID47"
        + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\"][examplePriority@32473 class=\"high\"] entry";

    assertThat(parser.parse(line).get(0).get("structured_data")).isEqualTo(event("""
        {"exampleSDID@32473": {"iut": "3", "eventSource": "Application"},
         "examplePriority@32473": {"class": "high"}}"""));
  }

  @Test
  void decodesEscapesInStructuredDataValues() throws Exception {
    String line = "<14>1 - host app - - [x@1 v=\"a \\\"b\\\" c\\\\d e\\]f g\\h\"]";

    assertThat(parser.parse(line).get(0).get("structured_data")).isEqualTo(event("""
        {"x@1": {"v": "a \\"b\\" c\\\\d e]f g\\\\h"}}"""));
  }

  @Test
  void acceptsALineWithoutMessage() throws Exception {
    assertThat(parser.parse("<14>1 - - - - - -")).containsExactly(event("""
        {"priority": "14", "facility": "1", "severity": "6", "version": "1"}"""));
  }

  @Test
  void stripsAByteOrderMarkBeforeTheLine() throws Exception {
    assertThat(parser.parse("\uFEFF<14>1 - - - - - - hi").get(0).get("message").textValue()).isEqualTo("hi");
  }

  @Test
  void rejectsAPriorityAbove191() {
    assertThatThrownBy(() -> parser.parse("<192>1 - - - - - -"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid syslog priority 192 (must be 0..191)");
  }

  @Test
  void rejectsALineWithoutStructuredData() {
    assertThatThrownBy(() -> parser.parse("<14>1 - host app - ID1"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("invalid RFC 5424 syslog line: expected a space before the structured data at offset 22,"
            + " found the end of the line");
  }

  @Test
  void rejectsAnRfc3164Line() {
    assertThatThrownBy(() -> parser.parse("<34>Oct 11 22:14:15 mymachine su: 'su root' failed"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("expected the version (digits) at offset 4");
  }

  @Test
  void rejectsAnUnterminatedStructuredDataValue() {
    assertThatThrownBy(() -> parser.parse("<14>1 - - - - - [x@1 v=\"abc"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessageContaining("expected '\"' closing the value of v");
  }
}
