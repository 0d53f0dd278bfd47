package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.pack.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Embedded tests, run with panther_analysis_tool's semantics. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TestModeContract {

  RuleRuntime runtime;

  abstract String runtimeName();

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(List.of(
        rule("Test.FunctionMock", py("def is_rogue_state(ip):", "    return False",
            "def rule(event):", "    return is_rogue_state(event.get('ip'))")),
        rule("Test.ConstantMock", py("import json", "from unittest.mock import MagicMock", "ALLOWED = ['a']",
            "def rule(event):", "    global ALLOWED", "    allowed = ALLOWED",
            "    if isinstance(allowed, MagicMock):", "        allowed = json.loads(allowed())",
            "    return event.get('user') in allowed")),
        rule("Test.AllFunctions", py("def rule(event):", "    print('hello from rule')", "    return False",
            "def title(event):", "    raise ValueError('no title')", "def dedup(event):", "    return 'd'",
            "def alert_context(event):", "    return {'a': 1}")),
        rule("Test.RuleError", py("def rule(event):", "    return event['missing']",
            "def title(event):", "    return 'still runs'")),
        rule("Test.DataModel", py("def rule(event):", "    return event.udm('user') == 'alice'")),
        signal("Test.Signal", py("def rule(event):", "    return True", "def title(event):",
            "    raise ValueError('ignored')", "def alert_context(event):", "    raise ValueError('counts')")),
        detection(AnalysisType.POLICY, "Test.Policy", py("def policy(resource):", "    return resource['ok']"),
            Severity.LOW, true, List.of())),
        List.of(dataModel("Test.DataModel", List.of("Test.Log"), List.of(path("user", "$.actor.name")), null)),
        List.of()), RuntimeOptions.defaults(new ScratchKvStore()));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  @Test
  void functionMocksReplaceModuleFunctionsDuringTheTest() {
    assertThat(runtime.runTest("Test.FunctionMock", test(Map.of("ip", "1.2.3.4"), mock("is_rogue_state", true)))
        .matched()).isTrue();
  }

  @Test
  void mocksAreUndoneAfterTheTest() {
    runtime.runTest("Test.FunctionMock", test(Map.of("ip", "1.2.3.4"), mock("is_rogue_state", true)));
    assertThat(runtime.runTest("Test.FunctionMock", test(Map.of("ip", "1.2.3.4"))).matched()).isFalse();
  }

  @Test
  void constantMocksAreMagicMocksReturningTheYamlValue() {
    RuleOutcome outcome = runtime.runTest("Test.ConstantMock",
        test(Map.of("user", "alice"), mock("ALLOWED", "[\"alice\"]")));
    assertThat(outcome.error()).isNull();
    assertThat(outcome.matched()).isTrue();
  }

  @Test
  void mockingAnAttributeTheModuleLacksFailsTheTest() {
    RuleOutcome outcome = runtime.runTest("Test.FunctionMock", test(Map.of(), mock("not_defined", true)));
    assertThat(outcome.matched()).isNull();
    assertThat(outcome.error()).startsWith("AttributeError").contains("not_defined");
  }

  @Test
  void everyAuxiliaryFunctionRunsAndItsErrorIsKept() {
    RuleOutcome outcome = runtime.runTest("Test.AllFunctions", test(Map.of()));
    assertThat(outcome.matched()).isFalse();
    assertThat(outcome.functionErrors()).containsOnlyKeys("title");
    assertThat(outcome.functionErrors().get("title")).startsWith("ValueError: no title");
    assertThat(outcome.dedup()).isEqualTo("d");
    assertThat(outcome.alertContextJson()).isEqualTo("{\"a\": 1}");
  }

  @Test
  void printedOutputIsCaptured() {
    assertThat(runtime.runTest("Test.AllFunctions", test(Map.of())).output()).isEqualTo("hello from rule\n");
  }

  @Test
  void auxiliaryFunctionsRunEvenWhenTheRuleRaised() {
    RuleOutcome outcome = runtime.runTest("Test.RuleError", test(Map.of()));
    assertThat(outcome.matched()).isNull();
    assertThat(outcome.error()).startsWith("KeyError");
    assertThat(outcome.title()).isEqualTo("still runs");
  }

  @Test
  void theTestLogsLogTypeSelectsTheDataModel() {
    assertThat(runtime.runTest("Test.DataModel",
        test(Map.of("p_log_type", "Test.Log", "actor", Map.of("name", "alice")))).matched()).isTrue();
    assertThat(runtime.runTest("Test.DataModel", test(Map.of("actor", Map.of("name", "alice")))).matched())
        .isFalse();
  }

  @Test
  void signalsReportOnlyAlertContextErrors() {
    RuleOutcome outcome = runtime.runTest("Test.Signal", test(Map.of()));
    assertThat(outcome.matched()).isTrue();
    assertThat(outcome.functionErrors()).containsOnlyKeys("alert_context");
  }

  @Test
  void policyTestsMatchWhenThePolicyFails() {
    DetectionTest test = new DetectionTest("non-compliant", true, Map.of("ok", false), List.of());
    assertThat(runtime.runTest("Test.Policy", test).matched()).isTrue();
  }
}
