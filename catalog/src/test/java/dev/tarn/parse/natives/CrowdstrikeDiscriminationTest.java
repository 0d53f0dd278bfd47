package dev.tarn.parse.natives;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logtypes.LogTypeRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in Crowdstrike sensor types tell events apart by event_simpleName alone. */
class CrowdstrikeDiscriminationTest {
  private static final LogTypeRegistry REGISTRY = LogTypeRegistry.builtin();
  private static final RowContext CTX = new RowContext(null, null, "fdr.log", 0);
  private static final String CONNECT = "{\"event_simpleName\": \"NetworkConnectIP4\", \"name\": \"NetworkConnectIP4\","
      + " \"timestamp\": 1590364238848, \"ContextTimeStamp\": 1590364238.5, \"RemotePort\": 443}";
  private static final String ONLINE = "{\"event_simpleName\": \"AgentOnline\", \"name\": \"AgentOnline\","
      + " \"timestamp\": 1590364238848}";

  private static Classifier classify(String type, String line) {
    LogType logType = REGISTRY.logType(type);
    Classifier classifier = new Classifier(List.of(logType));
    classifier.classify(line, 1, CTX);
    return classifier;
  }

  @Test
  void networkConnectTakesItsOwnNamesAndPrefersTheContextTime() {
    Classifier classifier = classify("Crowdstrike.NetworkConnect", CONNECT);

    assertThat(classifier.accepted()).isTrue();
    assertThat(REGISTRY.logType("Crowdstrike.NetworkConnect").toJson(classifier.rows().get(0))
        .get("p_event_time").asText()).isEqualTo("2020-05-24T23:50:38.5Z");
  }

  @Test
  void unknownRefusesKnownNames() {
    assertThat(classify("Crowdstrike.Unknown", CONNECT).accepted()).isFalse();
    assertThat(classify("Crowdstrike.NetworkConnect", ONLINE).accepted()).isFalse();
  }

  @Test
  void unknownKeepsOtherEventsWhole() {
    Classifier classifier = classify("Crowdstrike.Unknown", ONLINE);

    assertThat(classifier.accepted()).isTrue();
    assertThat(REGISTRY.logType("Crowdstrike.Unknown").toJson(classifier.rows().get(0)).get("unknown_payload")
        .get("event_simpleName").asText()).isEqualTo("AgentOnline");
  }
}
