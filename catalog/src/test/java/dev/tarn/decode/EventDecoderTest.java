package dev.tarn.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.tarn.indicator.IndicatorKind;
import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class EventDecoderTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final EventDecoder DECODER = new EventDecoder(LogSchemaReader.read("""
      schema: Custom.Test
      fields:
        - name: id
          type: string
          required: true
        - name: count
          type: int
        - name: ratio
          type: float
        - name: ok
          type: boolean
        - name: ip
          type: string
          indicators: [ip]
        - name: level
          type: string
          validate:
            allow: [low, high]
        - name: created
          type: timestamp
          timeFormat: rfc3339
          isEventTime: true
        - name: updated
          type: timestamp
          timeFormat: unix
          isEventTime: true
        - name: detail
          type: json
        - name: tags
          type: array
          element:
            type: string
      """, "test.yml"), ExtraIndicators.NONE);

  private final DecodeState state = new DecodeState(JSON);

  private Object[] decode(String json) throws Exception {
    Object[] values = new Object[DECODER.width()];
    try (JsonParser p = JSON.createParser(json)) {
      p.nextToken();
      DECODER.decode(p, state, values);
    }
    return values;
  }

  @Test
  void acceptsNumbersAndBooleansInStringFields() throws Exception {
    assertThat(decode("{\"id\": 42}")[0]).hasToString("42");
    assertThat(decode("{\"id\": true}")[0]).hasToString("true");
  }

  @Test
  void acceptsQuotedNumbersAndBooleans() throws Exception {
    Object[] v = decode("{\"id\": \"a\", \"count\": \"7\", \"ratio\": \"0.5\", \"ok\": \"true\"}");
    assertThat(v[1]).isEqualTo(7);
    assertThat(v[2]).isEqualTo(0.5);
    assertThat(v[3]).isEqualTo(true);
  }

  @Test
  void treatsEmptyValuesAsAbsent() throws Exception {
    Object[] v = decode("{\"id\": \"a\", \"count\": \"\", \"ip\": \"\"}");
    assertThat(v[1]).isNull();
    assertThat(v[4]).isNull();
  }

  @Test
  void ignoresUnknownKeysAndMatchesKeysCaseInsensitively() throws Exception {
    Object[] v = decode("{\"ID\": \"a\", \"extra\": {\"deep\": [1, 2]}, \"Count\": 3}");
    assertThat(v[0]).hasToString("a");
    assertThat(v[1]).isEqualTo(3);
  }

  @Test
  void rejectsARecordMissingARequiredField() {
    assertThatThrownBy(() -> decode("{\"count\": 1}"))
        .isInstanceOf(RecordRejectedException.class).hasMessage("required field id is missing");
  }

  @Test
  void rejectsAValueOfTheWrongShapeNamingTheField() {
    assertThatThrownBy(() -> decode("{\"id\": \"a\", \"count\": \"many\"}"))
        .hasMessage("field count: expected an integer, found the string \"many\"");
    assertThatThrownBy(() -> decode("{\"id\": {\"nested\": 1}}"))
        .hasMessage("field id: expected a string, found an object");
  }

  @Test
  void enforcesAllowedValues() {
    assertThatThrownBy(() -> decode("{\"id\": \"a\", \"level\": \"medium\"}"))
        .hasMessageContaining("field level: value \"medium\" is not one of the allowed values");
  }

  @Test
  void collectsIndicatorsOfTaggedFields() throws Exception {
    decode("{\"id\": \"a\", \"ip\": \"10.1.2.3\"}");
    assertThat(state.indicators().values(IndicatorKind.IP_ADDRESS)).containsExactly("10.1.2.3");
  }

  @Test
  void theFirstEventTimeFieldInSchemaOrderWins() throws Exception {
    decode("{\"id\": \"a\", \"updated\": 1700000000, \"created\": \"2024-01-01T00:00:00Z\"}");
    assertThat(state.eventTimeMicros()).isEqualTo(1_704_067_200_000_000L);
    decode("{\"id\": \"a\", \"updated\": 1700000000}");
    assertThat(state.eventTimeMicros()).isEqualTo(1_700_000_000_000_000L);
    decode("{\"id\": \"a\"}");
    assertThat(state.hasEventTime()).isFalse();
  }

  @Test
  void keepsJsonFieldsAsRawJsonText() throws Exception {
    assertThat(decode("{\"id\": \"a\", \"detail\": {\"k\": [1, \"x\"]}}")[8]).hasToString("{\"k\":[1,\"x\"]}");
  }

  @Test
  void rejectsAnInvalidTimestamp() {
    assertThatThrownBy(() -> decode("{\"id\": \"a\", \"created\": \"yesterday\"}"))
        .hasMessage("field created: \"yesterday\" is not a timestamp in format rfc3339");
  }
}
