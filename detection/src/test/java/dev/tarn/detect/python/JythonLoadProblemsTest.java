package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.LoadProblem;
import org.junit.jupiter.api.Test;

class JythonLoadProblemsTest extends LoadProblemsContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }

  @Test
  void pythonThreeSyntaxIsReportedWithTheRuntimeToUseInstead() {
    try (RuleRuntime jython = JythonRuntime.create(pack(
        rule("Py3.FString", py("def rule(event):", "    return True", "def title(event):",
            "    return f\"user {event.get('user')}\"")),
        rule("Py3.Walrus", py("def rule(event):", "    if (user := event.get('user')):", "        return True",
            "    return False"))), RuntimeOptions.defaults(new ScratchKvStore()))) {
      assertThat(jython.loadResult().loaded()).isEmpty();
      assertThat(jython.loadResult().problems()).extracting(LoadProblem::message).containsExactlyInAnyOrder(
          "uses Python 3 syntax (line 4); this pack runs under Jython 2.7 (python.runtime: jython) \u2014 port it"
              + " to Python 2.7 or run it under graalpy",
          "uses Python 3 syntax (line 2); this pack runs under Jython 2.7 (python.runtime: jython) \u2014 port it"
              + " to Python 2.7 or run it under graalpy");
    }
  }
}
