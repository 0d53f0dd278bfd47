package dev.tarn.detect.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.DetectionPack;
import java.util.List;

/** Helpers shared by the runtime tests: opening a runtime by name and running one detection on one event. */
final class RuntimeTestSupport {

  private RuntimeTestSupport() {}

  /** A new runtime of the caller's own (not from the pool), as its concrete type. */
  static PythonRuleRuntime create(String runtime, DetectionPack pack, RuntimeOptions options) {
    return RuleRuntimes.create(runtime, new PackPayload(pack), options);
  }

  /** The outcome of one detection on one event, or null when it did not match. */
  static RuleOutcome evaluate(RuleRuntime runtime, String detectionId, String eventJson, String logType) {
    List<RuleOutcome> outcomes = runtime.evaluate(eventJson, logType, List.of(detectionId));
    assertThat(outcomes).hasSizeLessThanOrEqualTo(1);
    return outcomes.isEmpty() ? null : outcomes.get(0);
  }

  /** Runs a detection whose rule() asserts a behaviour: it must match without an error. */
  static RuleOutcome assertPasses(RuleRuntime runtime, String detectionId, String eventJson, String logType) {
    RuleOutcome outcome = evaluate(runtime, detectionId, eventJson, logType);
    assertThat(outcome).as("outcome of " + detectionId).isNotNull();
    assertThat(outcome.error()).as("error of " + detectionId).isNull();
    assertThat(outcome.matched()).isTrue();
    return outcome;
  }
}
