package dev.tarn.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.logtypes.LogTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {
  private static final LogType FIRST = type("Custom.First", "a");
  private static final LogType SECOND = type("Custom.Second", "b");
  private final RowContext ctx = new RowContext("src", "Source", "file.log", 0);

  private static LogType type(String name, String requiredKey) {
    return LogTypeRegistry.compile(LogSchemaReader.read("schema: " + name + "\nfields:\n  - name: " + requiredKey
        + "\n    type: string\n    required: true\n", name));
  }

  @Test
  void picksTheCandidateThatAcceptsTheRecord() {
    Classifier classifier = new Classifier(List.of(FIRST, SECOND));
    classifier.classify("{\"b\": \"x\"}", 1, ctx);
    assertThat(classifier.accepted()).isTrue();
    assertThat(classifier.acceptedType()).isSameAs(SECOND);
    assertThat(classifier.rows()).hasSize(1);
  }

  @Test
  void explainsWhyEveryCandidateRejectedARecord() {
    Classifier classifier = new Classifier(List.of(FIRST, SECOND));
    classifier.classify("not json", 1, ctx);
    assertThat(classifier.accepted()).isFalse();
    assertThat(classifier.rejection()).startsWith("Custom.First: invalid JSON").contains("; Custom.Second: ");
  }

  @Test
  void triesTheLastSuccessfulCandidateFirst() {
    Classifier classifier = new Classifier(List.of(FIRST, SECOND));
    classifier.classify("{\"b\": \"x\"}", 1, ctx);
    // Now SECOND has penalty 0 and FIRST 2: a record both accept goes to SECOND.
    classifier.classify("{\"a\": \"x\", \"b\": \"y\"}", 2, ctx);
    assertThat(classifier.acceptedType()).isSameAs(SECOND);
  }

  @Test
  void normalizesTheStandardFields() {
    Classifier classifier = new Classifier(List.of(FIRST));
    classifier.classify("{\"a\": \"x\"}", 3, new RowContext("src", "Source", "file.log", 1_000_000));
    var json = FIRST.toJson(classifier.rows().get(0));
    assertThat(json.get("p_log_type").asText()).isEqualTo("Custom.First");
    assertThat(json.get("p_source_id").asText()).isEqualTo("src");
    assertThat(json.get("p_source_label").asText()).isEqualTo("Source");
    assertThat(json.get("p_event_time").asText()).isEqualTo(json.get("p_parse_time").asText());
    assertThat(json.get("p_row_id").asText()).hasSize(32);
  }

  @Test
  void rowIdsAreDeterministicPerSourceFileAndPosition() {
    RowContext a = new RowContext("src", null, "f", 0);
    RowContext b = new RowContext("src", null, "f", 99);
    assertThat(a.rowId(5, 0)).isEqualTo(b.rowId(5, 0));
    assertThat(a.rowId(5, 0)).isNotEqualTo(a.rowId(5, 1)).isNotEqualTo(a.rowId(6, 0));
    assertThat(a.rowId(5, 0)).isNotEqualTo(new RowContext("other", null, "f", 0).rowId(5, 0));
  }
}
