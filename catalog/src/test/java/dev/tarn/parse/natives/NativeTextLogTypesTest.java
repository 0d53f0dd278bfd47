package dev.tarn.parse.natives;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logtypes.LogTypeRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in schemas of the native text log types read their parsers' output, event time included. */
class NativeTextLogTypesTest {
  private static final LogTypeRegistry REGISTRY = LogTypeRegistry.builtin();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Nginx.Access          | 192.0.2.10 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.1" 200 612 "-" "curl/7.68.0" | 2000-10-10T20:55:36Z
      Fastly.Access         | 198.51.100.7 - - [21/Oct/2020:10:00:00 +0000] "GET /app.js HTTP/2" 304 0                | 2020-10-21T10:00:00Z
      Syslog.RFC3164        | <34>Oct 11 22:14:15 mymachine su[230]: 'su root' failed                                 | CURRENT_YEAR-10-11T22:14:15Z
      AWS.AuroraMySQLAudit  | 1587584185016843,db,admin,10.0.0.7,26,1032,QUERY,sales,'SELECT a, b FROM t',0           | 2020-04-22T19:36:25.016843Z
      """)
  void readsALineIntoARowWithItsEventTime(String logType, String line, String eventTime) {
    LogType type = REGISTRY.logType(logType);
    Classifier classifier = new Classifier(List.of(type));
    classifier.classify(line, 1, new RowContext(null, null, "test.log", 0));

    assertThat(classifier.accepted()).as("rejected: %s", classifier.rejection()).isTrue();
    ObjectNode row = type.toJson(classifier.rows().get(0));
    String expected = eventTime.replace("CURRENT_YEAR", row.get("p_event_time").asText().substring(0, 4));
    assertThat(Instant.parse(row.get("p_event_time").asText())).isEqualTo(Instant.parse(expected));
  }
}
