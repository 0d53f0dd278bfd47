package dev.tarn.detect.pack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a detection's {@code Tests:} list. */
final class TestReader {
  private TestReader() {}

  static List<DetectionTest> read(SpecMap m, AnalysisType type) {
    List<Node> items = m.sequence("Tests");
    List<DetectionTest> tests = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      tests.add(test(SpecMap.of(items.get(i), "Tests[" + i + "]", "Name, ExpectedResult and " + inputKey(type)),
          type));
    }
    return List.copyOf(tests);
  }

  private static DetectionTest test(SpecMap t, AnalysisType type) {
    Set<String> allowed = switch (type) {
      case POLICY -> SpecKeys.POLICY_TEST;
      case CORRELATION_RULE -> SpecKeys.CORRELATION_TEST;
      default -> SpecKeys.RULE_TEST;
    };
    t.allowOnly(allowed, "a " + type.yamlName() + " test");
    String name = t.string("Name");
    boolean expected = t.bool("ExpectedResult");
    // Legacy keys, accepted and ignored as Panther does; still type-checked.
    t.optString("LogType");
    t.optString("ResourceType");
    String inputKey = inputKey(type);
    t.require(inputKey);
    Map<String, Object> input;
    if (type == AnalysisType.CORRELATION_RULE) {
      input = Map.of(inputKey, ruleOutputs(t));
    } else {
      Node node = t.node(inputKey);
      if (!(node instanceof MappingNode)) {
        throw t.error(inputKey, t.name(inputKey) + " must be a mapping of the " + (type == AnalysisType.POLICY
            ? "resource's" : "event's") + " fields, found " + SpecMap.describe(node));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> value = (Map<String, Object>) YamlValues.toJava(node);
      input = value;
    }
    return new DetectionTest(name, expected, input, mocks(t));
  }

  private static List<DetectionTest.Mock> mocks(SpecMap t) {
    List<DetectionTest.Mock> mocks = new ArrayList<>();
    List<Node> items = t.sequence("Mocks");
    for (int i = 0; i < items.size(); i++) {
      SpecMap mock = SpecMap.of(items.get(i), t.name("Mocks") + "[" + i + "]", "objectName and returnValue");
      mock.allowOnly(SpecKeys.MOCK, "a mock");
      String objectName = mock.string("objectName");
      mock.require("returnValue");
      mocks.add(new DetectionTest.Mock(objectName, mock.value("returnValue")));
    }
    return Collections.unmodifiableList(mocks);
  }

  private static List<Object> ruleOutputs(SpecMap t) {
    List<Object> outputs = new ArrayList<>();
    List<Node> items = t.sequence("RuleOutputs");
    for (int i = 0; i < items.size(); i++) {
      SpecMap output = SpecMap.of(items.get(i), t.name("RuleOutputs") + "[" + i + "]", "ID and Matches");
      output.allowOnly(SpecKeys.RULE_OUTPUT, "a correlation test's rule output");
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("ID", output.string("ID"));
      if (output.has("Matches")) {
        value.put("Matches", output.value("Matches"));
      }
      outputs.add(Collections.unmodifiableMap(value));
    }
    return Collections.unmodifiableList(outputs);
  }

  private static String inputKey(AnalysisType type) {
    return switch (type) {
      case POLICY -> "Resource";
      case CORRELATION_RULE -> "RuleOutputs";
      default -> "Log";
    };
  }
}
