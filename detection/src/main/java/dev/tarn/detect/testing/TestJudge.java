package dev.tarn.detect.testing;

import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.detect.python.RuleOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether an embedded test passed, exactly as {@code panther_analysis_tool test} does.
 *
 * <p>Panther compares {@code ExpectedResult} with what the detection function <em>returned</em>, and calls the value
 * that raises an alert the "alert value": True for rules and scheduled rules ({@code rule()} returning True alerts),
 * False for policies ({@code policy()} returning False, non-compliant, alerts). {@link RuleOutcome#matched()} already
 * means "the alert condition holds", so the function's return value is {@code matched} for rules and
 * {@code !matched} for policies, and the detection "triggered" when {@code matched} is true.
 *
 * <ul>
 *   <li>ExpectedResult equal to the alert value: the test passes only if the detection triggered and no function
 *       raised (the detection function and every auxiliary function run in test mode).
 *   <li>Otherwise: the test passes if the function returned ExpectedResult; an exception in the detection function
 *       leaves no output and fails the test; auxiliary errors are ignored.
 *   <li>{@code CreateAlert: false}: only {@code alert_context} errors count among the auxiliary functions (a signal
 *       has no title, dedup, severity, …).
 *   <li>{@code UnknownDestinationError} from {@code destinations()} is ignored, as Panther's tool does without
 *       {@code --available-destination}.
 * </ul>
 *
 * <p>{@link RuleOutcome#functionErrors()} is keyed by the Python function name ({@code alert_context}; camel case
 * {@code alertContext} is accepted too) and holds {@code TypeName: message} texts.
 */
public final class TestJudge {
  private TestJudge() {}

  public static TestResult judge(Detection detection, DetectionTest test, RuleOutcome outcome) {
    boolean alertValue = detection.type() != AnalysisType.POLICY;
    String function = functionName(detection);
    boolean expected = test.expectedResult();
    Boolean output = outcome.error() != null || outcome.matched() == null ? null
        : alertValue ? outcome.matched() : !outcome.matched();
    List<String> failures = new ArrayList<>();
    if (outcome.error() != null) {
      failures.add("[" + function + "] expected " + python(expected) + ", got an error: " + outcome.error());
    } else if (output == null || output != expected) {
      failures.add("[" + function + "] expected " + python(expected) + ", got " + python(output));
    }
    if (expected == alertValue && outcome.functionErrors() != null) {
      for (Map.Entry<String, String> e : outcome.functionErrors().entrySet()) {
        if (counts(detection, e.getKey(), e.getValue())) {
          failures.add("[" + e.getKey() + "] " + e.getValue());
        }
      }
    }
    return new TestResult(test.name(), expected, failures.isEmpty(), failures, outcome.output());
  }

  /** The Python entry point's name, for messages. */
  static String functionName(Detection detection) {
    return detection.type() == AnalysisType.POLICY ? "policy" : "rule";
  }

  private static boolean counts(Detection detection, String function, String error) {
    String name = function.replace("_", "").toLowerCase(Locale.ROOT);
    if (name.equals("rule") || name.equals("policy")) {
      return false; // the detection function's own error is outcome.error(), judged above
    }
    if (!detection.createAlert() && !name.equals("alertcontext")) {
      return false;
    }
    return !(name.equals("destinations") && isUnknownDestination(error));
  }

  private static boolean isUnknownDestination(String error) {
    if (error == null) {
      return false;
    }
    int colon = error.indexOf(':');
    String type = (colon < 0 ? error : error.substring(0, colon)).trim();
    return type.equals("UnknownDestinationError") || type.endsWith(".UnknownDestinationError");
  }

  static String python(Boolean value) {
    return value == null ? "None" : value ? "True" : "False";
  }
}
