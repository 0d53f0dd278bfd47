package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The per-call time limit and memory budget, with a short limit so the tests stay quick. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LimitsContract {

  static final Duration TIMEOUT = Duration.ofSeconds(3);
  static final long ALLOCATION_LIMIT = 256L << 20;

  RuleRuntime runtime;

  abstract String runtimeName();

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(
        rule("Limit.Loop", py("def rule(event):", "    while True:", "        pass")),
        rule("Limit.LoopSwallowingErrors", py("def spin():", "    while True:", "        pass",
            "def rule(event):", "    while True:", "        try:", "            spin()",
            "        except BaseException:", "            pass")),
        rule("Limit.SlowTitle", py("def rule(event):", "    return True", "def title(event):", "    while True:",
            "        pass")),
        rule("Limit.Memory", py("def rule(event):", "    hoard = []", "    while True:",
            "        hoard.append([len(hoard)] * 10000)")),
        rule("Limit.LoadLoop", py("while True:", "    pass", "def rule(event):", "    return True")),
        rule("Limit.Ok", py("def rule(event):", "    return True"))),
        new RuntimeOptions(TIMEOUT, ALLOCATION_LIMIT, List.of(), new ScratchKvStore(), false, false));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  @Test
  void anEndlessLoopIsStoppedAtTheTimeLimitAndTheNextDetectionRuns() {
    List<RuleOutcome> outcomes = runtime.evaluate("{}", "Test.Log", List.of("Limit.Loop", "Limit.Ok"));
    assertThat(outcomes).extracting(RuleOutcome::detectionId).containsExactly("Limit.Loop", "Limit.Ok");
    assertThat(outcomes.get(0).error()).isEqualTo("RuleTimeout: rule() of Limit.Loop exceeded the 3 s time limit");
    assertThat(outcomes.get(1).matched()).isTrue();
  }

  @Test
  void aLoopThatSwallowsExceptionsIsStoppedToo() {
    assertThat(runtime.evaluate("{}", "Test.Log", List.of("Limit.LoopSwallowingErrors")).get(0).error())
        .startsWith("RuleTimeout: rule() of Limit.LoopSwallowingErrors");
  }

  @Test
  void aSlowAuxiliaryFunctionIsStoppedAsARuleError() {
    RuleOutcome outcome = runtime.evaluate("{}", "Test.Log", List.of("Limit.SlowTitle")).get(0);
    assertThat(outcome.matched()).isNull();
    assertThat(outcome.error()).isEqualTo("RuleTimeout: title() of Limit.SlowTitle exceeded the 3 s time limit");
  }

  @Test
  void runawayAllocationIsStoppedAtTheMemoryLimit() {
    assertThat(runtime.evaluate("{}", "Test.Log", List.of("Limit.Memory")).get(0).error())
        .isEqualTo("RuleMemoryLimit: rule() of Limit.Memory exceeded memory limit (allocated more than 256 MB in"
            + " one call)");
  }

  @Test
  void theRuntimeKeepsWorkingForTheNextEvent() {
    runtime.evaluate("{}", "Test.Log", List.of("Limit.Loop"));
    assertPasses(runtime, "Limit.Ok", "{}", "Test.Log");
  }

  @Test
  void aTestThatRunsTooLongFailsWithTheTimeLimitAndLeavesNoMocksBehind() {
    RuleOutcome stopped = runtime.runTest("Limit.Loop", test(Map.of(), mock("rule", false)));
    assertThat(stopped.matched()).isFalse();
    RuleOutcome loop = runtime.runTest("Limit.LoopSwallowingErrors", test(Map.of()));
    assertThat(loop.error()).startsWith("RuleTimeout: rule() of Limit.LoopSwallowingErrors");
    assertThat(runtime.runTest("Limit.Ok", test(Map.of())).matched()).isTrue();
  }

  @Test
  void aModuleThatNeverFinishesImportingIsALoadProblem() {
    assertThat(runtime.loadResult().problems()).singleElement().satisfies(problem -> {
      assertThat(problem.id()).isEqualTo("Limit.LoadLoop");
      assertThat(problem.message()).isEqualTo("RuleTimeout: importing it exceeded the 3 s time limit");
    });
  }
}
