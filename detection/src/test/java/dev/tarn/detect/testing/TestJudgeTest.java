package dev.tarn.detect.testing;

import static dev.tarn.detect.testing.Fixtures.errors;
import static dev.tarn.detect.testing.Fixtures.outcome;
import static dev.tarn.detect.testing.Fixtures.policy;
import static dev.tarn.detect.testing.Fixtures.rule;
import static dev.tarn.detect.testing.Fixtures.test;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.python.RuleOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestJudgeTest {
  static final DetectionTest EXPECT_TRUE = test("fires", true);
  static final DetectionTest EXPECT_FALSE = test("quiet", false);

  static TestResult judge(Detection d, DetectionTest t, RuleOutcome o) {
    return TestJudge.judge(d, t, o);
  }

  @Test
  void ruleExpectedToFirePassesWhenItFiresWithoutErrors() {
    TestResult r = judge(rule("R"), EXPECT_TRUE, outcome(true));
    assertThat(r.passed()).isTrue();
    assertThat(r.failures()).isEmpty();
    assertThat(r.name()).isEqualTo("fires");
  }

  @Test
  void ruleExpectedToFireFailsWhenItDoesNotFire() {
    TestResult r = judge(rule("R"), EXPECT_TRUE, outcome(false));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).containsExactly("[rule] expected True, got False");
  }

  @Test
  void ruleExpectedToFireFailsWhenAnAuxiliaryFunctionRaises() {
    TestResult r = judge(rule("R"), EXPECT_TRUE, outcome(true, null, errors("title", "KeyError: 'user'")));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).containsExactly("[title] KeyError: 'user'");
  }

  @Test
  void ruleExpectedToFireListsEveryAuxiliaryError() {
    TestResult r = judge(rule("R"), EXPECT_TRUE,
        outcome(true, null, errors("dedup", "TypeError: x", "alert_context", "ValueError: y")));
    assertThat(r.failures()).containsExactly("[dedup] TypeError: x", "[alert_context] ValueError: y");
    assertThat(r.reason()).isEqualTo("[dedup] TypeError: x; [alert_context] ValueError: y");
  }

  @Test
  void ruleExpectedToFireFailsWhenRuleRaises() {
    TestResult r = judge(rule("R"), EXPECT_TRUE, outcome(null, "KeyError: 'eventName'", Map.of()));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).containsExactly("[rule] expected True, got an error: KeyError: 'eventName'");
  }

  @Test
  void ruleExpectedQuietPassesWhenItDoesNotFire() {
    assertThat(judge(rule("R"), EXPECT_FALSE, outcome(false)).passed()).isTrue();
  }

  @Test
  void ruleExpectedQuietIgnoresAuxiliaryErrors() {
    TestResult r = judge(rule("R"), EXPECT_FALSE, outcome(false, null, errors("title", "KeyError: 'user'")));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void ruleExpectedQuietFailsWhenRuleRaises() {
    TestResult r = judge(rule("R"), EXPECT_FALSE, outcome(null, "TypeError: boom", Map.of()));
    assertThat(r.passed()).isFalse();
    assertThat(r.failures()).containsExactly("[rule] expected False, got an error: TypeError: boom");
  }

  @Test
  void ruleExpectedQuietFailsWhenItFires() {
    assertThat(judge(rule("R"), EXPECT_FALSE, outcome(true)).failures())
        .containsExactly("[rule] expected False, got True");
  }

  @Test
  void scheduledRulesAlertOnTrueLikeRules() {
    Detection scheduled = Fixtures.detection(AnalysisType.SCHEDULED_RULE, "S", true, List.of());
    assertThat(judge(scheduled, EXPECT_TRUE, outcome(true)).passed()).isTrue();
    assertThat(judge(scheduled, EXPECT_TRUE, outcome(false)).failures())
        .containsExactly("[rule] expected True, got False");
  }

  @Test
  void policyExpectedNonCompliantPassesWhenItAlerts() {
    // policy() returned False: the resource is non-compliant, the alert condition holds.
    assertThat(judge(policy("P"), EXPECT_FALSE, outcome(true)).passed()).isTrue();
  }

  @Test
  void policyExpectedCompliantPassesWhenItDoesNotAlert() {
    assertThat(judge(policy("P"), EXPECT_TRUE, outcome(false)).passed()).isTrue();
  }

  @Test
  void policyExpectedCompliantFailsWhenItAlerts() {
    assertThat(judge(policy("P"), EXPECT_TRUE, outcome(true)).failures())
        .containsExactly("[policy] expected True, got False");
  }

  @Test
  void policyExpectedNonCompliantFailsWhenAnAuxiliaryFunctionRaises() {
    TestResult r = judge(policy("P"), EXPECT_FALSE, outcome(true, null, errors("title", "KeyError: 'Name'")));
    assertThat(r.failures()).containsExactly("[title] KeyError: 'Name'");
  }

  @Test
  void policyExpectedCompliantIgnoresAuxiliaryErrors() {
    assertThat(judge(policy("P"), EXPECT_TRUE, outcome(false, null, errors("title", "KeyError: 'Name'"))).passed())
        .isTrue();
  }

  @Test
  void policyErrorFailsWhateverWasExpected() {
    assertThat(judge(policy("P"), EXPECT_TRUE, outcome(null, "AttributeError: x", Map.of())).failures())
        .containsExactly("[policy] expected True, got an error: AttributeError: x");
  }

  @Test
  void signalOnlyRulesIgnoreErrorsOutsideAlertContext() {
    Detection signal = Fixtures.detection(AnalysisType.RULE, "Signal", false, List.of());
    TestResult r = judge(signal, EXPECT_TRUE,
        outcome(true, null, errors("title", "KeyError: a", "dedup", "KeyError: b", "severity", "KeyError: c")));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void signalOnlyRulesStillFailOnAlertContextErrors() {
    Detection signal = Fixtures.detection(AnalysisType.RULE, "Signal", false, List.of());
    assertThat(judge(signal, EXPECT_TRUE, outcome(true, null, errors("title", "KeyError: a", "alertContext",
        "KeyError: b"))).failures()).containsExactly("[alertContext] KeyError: b");
  }

  @Test
  void ignoresUnknownDestinationErrors() {
    TestResult r = judge(rule("R"), EXPECT_TRUE,
        outcome(true, null, errors("destinations", "UnknownDestinationError: no destination 'x'")));
    assertThat(r.passed()).isTrue();
  }

  @Test
  void countsOtherDestinationErrors() {
    assertThat(judge(rule("R"), EXPECT_TRUE, outcome(true, null, errors("destinations", "TypeError: bad"))).failures())
        .containsExactly("[destinations] TypeError: bad");
  }

  @Test
  void aMissingOutcomeValueIsNone() {
    assertThat(judge(rule("R"), EXPECT_FALSE, outcome(null)).failures())
        .containsExactly("[rule] expected False, got None");
  }

  @Test
  void keepsWhatTheDetectionPrinted() {
    RuleOutcome printed = new RuleOutcome("R", true, null, null, null, null, null, null, null, null, null, Map.of(),
        "debug line\n");
    assertThat(judge(rule("R"), EXPECT_TRUE, printed).output()).isEqualTo("debug line\n");
  }
}
