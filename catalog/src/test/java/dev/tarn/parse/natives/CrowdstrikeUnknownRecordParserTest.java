package dev.tarn.parse.natives;

import static dev.tarn.parse.text.JsonFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tarn.parse.RecordRejectedException;
import org.junit.jupiter.api.Test;

class CrowdstrikeUnknownRecordParserTest {

  @Test
  void keepsTheWholeEventAsUnknownPayload() throws Exception {
    assertThat(new CrowdstrikeUnknownRecordParser().parse("{\"event_simpleName\": \"AgentOnline\", \"X\": [1]}"))
        .containsExactly(event("""
            {"event_simpleName": "AgentOnline", "X": [1],
             "unknown_payload": {"event_simpleName": "AgentOnline", "X": [1]}}"""));
  }

  @Test
  void rejectsTextThatIsNotAJsonObject() {
    assertThatThrownBy(() -> new CrowdstrikeUnknownRecordParser().parse("[1, 2]"))
        .isInstanceOf(RecordRejectedException.class)
        .hasMessage("not a JSON object");
  }
}
