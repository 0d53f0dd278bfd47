package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.Severity;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Production (batch) mode: Panther's output handling, defaults and type contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BatchSemanticsContract {

  static final String EVENT = "{\"user\": \"alice\"}";

  RuleRuntime runtime;

  abstract String runtimeName();

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(List.of(
        rule("Batch.NoMatch", py("def rule(event):", "    return False")),
        rule("Batch.LongTitle", py("def rule(event):", "    return True", "def title(event):", "    return 'x' * 1500")),
        rule("Batch.NoTitle", py("def rule(event):", "    return True")),
        rule("Batch.EmptyDedup", py("def rule(event):", "    return True", "def title(event):", "    return 'T'",
            "def dedup(event):", "    return ''")),
        rule("Batch.AuxErrors", py(
            "def rule(event):", "    return True",
            "def title(event):", "    raise ValueError('title')",
            "def dedup(event):", "    raise ValueError('dedup')",
            "def severity(event):", "    raise ValueError('severity')",
            "def alert_context(event):", "    raise ValueError('ctx')",
            "def description(event):", "    raise ValueError('description')",
            "def reference(event):", "    raise ValueError('reference')",
            "def runbook(event):", "    raise ValueError('runbook')",
            "def destinations(event):", "    raise ValueError('destinations')"), Severity.HIGH),
        rule("Batch.TruthyRule", py("def rule(event):", "    return 1")),
        rule("Batch.IntTitle", py("def rule(event):", "    return True", "def title(event):", "    return 5")),
        rule("Batch.Severity", py("def rule(event):", "    return True",
            "def severity(event):", "    return event.get('severity')"), Severity.LOW),
        rule("Batch.BigContext", py("def rule(event):", "    return True",
            "def alert_context(event):", "    return {'x': 'y' * 300000}")),
        rule("Batch.ListContext", py("def rule(event):", "    return True",
            "def alert_context(event):", "    return ['not', 'a', 'mapping']")),
        rule("Batch.EventContext", py("def rule(event):", "    return True",
            "def alert_context(event):", "    return {'user': event.get('user'), 'all': event}")),
        rule("Batch.Outputs", py("def rule(event):", "    return True",
            "def description(event):", "    return 'd ' + event.get('user')",
            "def reference(event):", "    return 'https://example.com'",
            "def runbook(event):", "    return 'call someone'",
            "def destinations(event):", "    return ['dest-%d' % i for i in range(15)]")),
        rule("Batch.ModuleState", py("USER = None", "def rule(event):", "    global USER",
            "    USER = event.get('user')", "    return True", "def title(event):", "    return 'user ' + USER")),
        rule("Batch.RuleError", py("def rule(event):", "    return event['missing'] == 1")),
        scheduledRule("Sched.NoRule", py("def title(event):", "    return 'row ' + event.get('user')")),
        scheduledRule("Sched.NoDataModel", py("def rule(event):",
            "    return event.data_model is None and event.udm('user') == 'alice'")),
        policy("Policy.Raw", py("def policy(resource):", "    assert isinstance(resource, dict)",
            "    resource['seen'] = True", "    return resource.get('Compliant', False)")),
        signal("Signal.NoAlert", py("def rule(event):", "    return True", "def title(event):", "    return 'T'",
            "def alert_context(event):", "    return {'user': event.get('user')}"))),
        List.of(dataModel("Test.DataModel", List.of("Test.Log"), List.of(path("user", "$.nobody")), null)),
        List.of()), RuntimeOptions.defaults(new ScratchKvStore()));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  @Test
  void detectionsThatDoNotMatchProduceNoOutcome() {
    assertThat(runtime.evaluate(EVENT, "Test.Log", List.of("Batch.NoMatch"))).isEmpty();
  }

  @Test
  void longTitlesAreTruncatedToAThousandCharacters() {
    RuleOutcome outcome = evaluate(runtime, "Batch.LongTitle", EVENT, "Test.Log");
    assertThat(outcome.title()).hasSize(1000).endsWith("... (truncated)");
    assertThat(outcome.dedup()).isEqualTo(outcome.title());
    assertThat(outcome.severity()).isEqualTo("MEDIUM");
  }

  @Test
  void dedupDefaultsToTheRuleIdWithoutATitle() {
    RuleOutcome outcome = evaluate(runtime, "Batch.NoTitle", EVENT, "Test.Log");
    assertThat(outcome.title()).isNull();
    assertThat(outcome.dedup()).isEqualTo("defaultDedupString:Batch.NoTitle");
  }

  @Test
  void emptyDedupFallsBackToTheTitle() {
    assertThat(evaluate(runtime, "Batch.EmptyDedup", EVENT, "Test.Log").dedup()).isEqualTo("T");
  }

  @Test
  void failingAuxiliaryFunctionsGetPanthersDefaults() {
    RuleOutcome outcome = evaluate(runtime, "Batch.AuxErrors", EVENT, "Test.Log");
    assertThat(outcome.matched()).isTrue();
    assertThat(outcome.error()).isNull();
    assertThat(outcome.title()).isEqualTo("Batch.AuxErrors");
    assertThat(outcome.dedup()).isEqualTo("Batch.AuxErrors");
    assertThat(outcome.severity()).isEqualTo("HIGH");
    assertThat(outcome.alertContextJson()).isEqualTo("{\"_error\": \"ValueError('ctx',)\"}".replace(",)",
        runtimeName().equals(JythonRuntime.NAME) ? ",)" : ")"));
    assertThat(outcome.description()).isEmpty();
    assertThat(outcome.reference()).isEmpty();
    assertThat(outcome.runbook()).isEmpty();
    assertThat(outcome.destinations()).isNull();
  }

  @Test
  void ruleMustReturnARealBool() {
    RuleOutcome outcome = evaluate(runtime, "Batch.TruthyRule", EVENT, "Test.Log");
    assertThat(outcome.matched()).isNull();
    assertThat(outcome.error()).startsWith("FunctionReturnTypeError: detection [Batch.TruthyRule] function [rule]"
        + " returned [int], expected [bool]");
  }

  @Test
  void titleOfTheWrongTypeFallsBackToTheRuleId() {
    assertThat(evaluate(runtime, "Batch.IntTitle", EVENT, "Test.Log").title()).isEqualTo("Batch.IntTitle");
  }

  @Test
  void defaultSeverityMeansTheYamlSeverity() {
    assertThat(evaluate(runtime, "Batch.Severity", "{\"severity\": \"DEFAULT\"}", "Test.Log").severity())
        .isEqualTo("LOW");
  }

  @Test
  void severityIsUpperCased() {
    assertThat(evaluate(runtime, "Batch.Severity", "{\"severity\": \"critical\"}", "Test.Log").severity())
        .isEqualTo("CRITICAL");
  }

  @Test
  void unknownSeverityFallsBackToTheYamlSeverity() {
    assertThat(evaluate(runtime, "Batch.Severity", "{\"severity\": \"urgent\"}", "Test.Log").severity())
        .isEqualTo("LOW");
  }

  @Test
  void alertContextOverTwoHundredKilobytesIsReplacedByAnError() {
    assertThat(evaluate(runtime, "Batch.BigContext", EVENT, "Test.Log").alertContextJson())
        .startsWith("{\"_error\": \"alert_context size is [300009] characters, bigger than maximum of [204800]");
  }

  @Test
  void alertContextMustBeAMapping() {
    assertThat(evaluate(runtime, "Batch.ListContext", EVENT, "Test.Log").alertContextJson())
        .startsWith("{\"_error\": \"FunctionReturnTypeError(");
  }

  @Test
  void alertContextEncodesEventValues() {
    assertThat(OutcomeJson.parse(evaluate(runtime, "Batch.EventContext", EVENT, "Test.Log").alertContextJson()))
        .isEqualTo(OutcomeJson.parse("{\"user\": \"alice\", \"all\": {\"user\": \"alice\"}}"));
  }

  @Test
  void descriptionReferenceRunbookAndAtMostTenDestinationsAreReturned() {
    RuleOutcome outcome = evaluate(runtime, "Batch.Outputs", EVENT, "Test.Log");
    assertThat(outcome.description()).isEqualTo("d alice");
    assertThat(outcome.reference()).isEqualTo("https://example.com");
    assertThat(outcome.runbook()).isEqualTo("call someone");
    assertThat(outcome.destinations()).hasSize(10).startsWith("dest-0").endsWith("dest-9");
  }

  @Test
  void absentFunctionsLeaveTheirOutputsEmpty() {
    RuleOutcome outcome = evaluate(runtime, "Batch.NoTitle", EVENT, "Test.Log");
    assertThat(outcome.alertContextJson()).isNull();
    assertThat(outcome.description()).isNull();
    assertThat(outcome.destinations()).isNull();
  }

  @Test
  void moduleStateSetByRuleIsSeenByTitleForTheSameEvent() {
    assertThat(evaluate(runtime, "Batch.ModuleState", "{\"user\": \"alice\"}", "Test.Log").title())
        .isEqualTo("user alice");
    assertThat(evaluate(runtime, "Batch.ModuleState", "{\"user\": \"bob\"}", "Test.Log").title())
        .isEqualTo("user bob");
  }

  @Test
  void aRuleErrorIsReportedAndTheNextDetectionStillRuns() {
    List<RuleOutcome> outcomes = runtime.evaluate(EVENT, "Test.Log", List.of("Batch.RuleError", "Batch.NoTitle"));
    assertThat(outcomes).extracting(RuleOutcome::detectionId).containsExactly("Batch.RuleError", "Batch.NoTitle");
    assertThat(outcomes.get(0).matched()).isNull();
    assertThat(outcomes.get(0).error()).startsWith("KeyError: ").contains("line 2, in rule");
    assertThat(outcomes.get(1).matched()).isTrue();
  }

  @Test
  void scheduledRulesWithoutRuleFunctionAlwaysMatch() {
    assertThat(evaluate(runtime, "Sched.NoRule", EVENT, null).title()).isEqualTo("row alice");
  }

  @Test
  void scheduledRulesNeverGetADataModel() {
    assertThat(evaluate(runtime, "Sched.NoDataModel", EVENT, "Test.Log").matched()).isTrue();
  }

  @Test
  void policiesGetTheRawResourceAndMatchWhenNonCompliant() {
    assertThat(evaluate(runtime, "Policy.Raw", "{\"Compliant\": false}", null).matched()).isTrue();
    assertThat(evaluate(runtime, "Policy.Raw", "{\"Compliant\": true}", null)).isNull();
  }

  @Test
  void signalsComputeOnlyTheAlertContext() {
    RuleOutcome outcome = evaluate(runtime, "Signal.NoAlert", EVENT, "Test.Log");
    assertThat(outcome.matched()).isTrue();
    assertThat(outcome.title()).isNull();
    assertThat(outcome.alertContextJson()).isEqualTo("{\"user\": \"alice\"}");
  }

  @Test
  void detectionsThatAreNotLoadedAreRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> runtime.evaluate(EVENT, "Test.Log", List.of("No.Such.Rule")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No.Such.Rule is not loaded");
  }
}
