package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.Detection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every runtime's guards share: a refused action is an error of that detection alone, and the runtime keeps
 * running the next one. Each runtime's test supplies its own probes, since what is refused and how differs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxContract {

  RuleRuntime runtime;

  abstract String runtimeName();

  /**
   * Detections that each try one thing the runtime refuses; the contract adds {@code Sandbox.Exit} and
   * {@code Sandbox.Ok}.
   */
  abstract List<Detection> probes();

  @BeforeAll
  void start() {
    List<Detection> detections = new ArrayList<>(probes());
    detections.add(rule("Sandbox.Exit", py("import sys", "def rule(event):", "    sys.exit(3)")));
    detections.add(rule("Sandbox.Ok", py("def rule(event):", "    return event.get('ok') is True")));
    runtime = RuntimeTestSupport.create(runtimeName(), pack(detections, List.of(), List.of()),
        RuntimeOptions.defaults(new ScratchKvStore()));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  /** The error of a probe that must fail, after checking that the runtime still runs a healthy detection. */
  String errorOf(String detectionId) {
    RuleOutcome outcome = evaluate(runtime, detectionId, "{}", "Test.Log");
    assertThat(outcome).as(detectionId + " must not match").isNotNull();
    assertThat(outcome.matched()).isNull();
    assertPasses(runtime, "Sandbox.Ok", "{\"ok\": true}", "Test.Log");
    return outcome.error();
  }

  @Test
  void systemExitIsARuleErrorLikeAnyOther() {
    assertThat(errorOf("Sandbox.Exit")).startsWith("SystemExit");
  }
}
