package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.LoadProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a runtime reports for pack code that cannot be loaded, and that one bad module never stops the others. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoadProblemsContract {

  RuleRuntime runtime;

  abstract String runtimeName();

  @BeforeAll
  void start() {
    runtime = RuntimeTestSupport.create(runtimeName(), pack(List.of(
        rule("Load.MissingModule", py("import not_installed_pkg.sub", "def rule(event):", "    return True")),
        rule("Load.SyntaxError", py("def rule(event):", "    return True)")),
        rule("Load.NoRuleFunction", py("def title(event):", "    return 'x'")),
        rule("Load.UsesGlobal", py("from my_helpers import shout", "def rule(event):",
            "    return shout(event.get('word')) == 'HI!'")),
        rule("Load.UsesBrokenGlobal", py("import broken_helpers", "def rule(event):", "    return True")),
        rule("Load.UsesBadSyntaxGlobal", py("import bad_syntax_helpers", "def rule(event):", "    return True")),
        rule("Load.Good", py("def rule(event):", "    return True"))),
        List.of(dataModel("Load.BadMethod", List.of("Bad.Log"), List.of(method("user", "no_such_function")),
                py("def other(event):", "    return 1")),
            dataModel("Load.Wildcard", List.of("Wild.Log"), List.of(path("user", "$.users[*].name")), null)),
        List.of(global("my_helpers", py("def shout(text):", "    return text.upper() + '!'")),
            global("broken_helpers", py("import also_not_installed")),
            global("bad_syntax_helpers", py("X = 1", "def helper(:", "    pass")))),
        RuntimeOptions.defaults(new ScratchKvStore()));
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  private LoadProblem problem(String id) {
    return runtime.loadResult().problems().stream().filter(p -> id.equals(p.id())).findFirst().orElseThrow(
        () -> new AssertionError("no load problem for " + id + " in " + runtime.loadResult().problems()));
  }

  @Test
  void aMissingModuleIsNamedWithTheSettingThatFixesIt() {
    assertThat(problem("Load.MissingModule").message()).startsWith(
        "No module named 'not_installed_pkg': add the package's directory to the python.path setting");
  }

  @Test
  void aSyntaxErrorNamesTheFileAndLine() {
    LoadProblem problem = problem("Load.SyntaxError");
    assertThat(problem.file()).isEqualTo(Path.of("rules", "Load_SyntaxError.py"));
    assertThat(problem.message()).startsWith("syntax error at line 2");
  }

  @Test
  void aDetectionWithoutRuleFunctionIsAProblem() {
    assertThat(problem("Load.NoRuleFunction").message()).isEqualTo("defines no rule() function");
  }

  @Test
  void globalsAreImportableByTheirId() {
    assertThat(runtime.loadResult().loaded()).contains("Load.UsesGlobal");
    assertPasses(runtime, "Load.UsesGlobal", "{\"word\": \"hi\"}", "Test.Log");
  }

  @Test
  void aGlobalThatFailsToImportIsReportedWithItsImporters() {
    assertThat(problem("broken_helpers").message()).contains("also_not_installed");
    assertThat(problem("Load.UsesBrokenGlobal").message()).contains("also_not_installed");
  }

  @Test
  void aSyntaxErrorInAnImportedGlobalNamesTheGlobalsFile() {
    assertThat(problem("Load.UsesBadSyntaxGlobal").message())
        .startsWith("syntax error in global_helpers/bad_syntax_helpers.py at line 2");
  }

  @Test
  void aDataModelMethodMissingFromItsFileIsAProblem() {
    assertThat(problem("Load.BadMethod").message()).contains("method [no_such_function]");
  }

  @Test
  void aDataModelPathWithWildcardsIsAProblem() {
    assertThat(problem("Load.Wildcard").message()).contains("unsupported JSONPath [$.users[*].name]");
  }

  @Test
  void oneBadDetectionNeverStopsTheOthers() {
    assertThat(runtime.loadResult().loaded()).containsExactlyInAnyOrder("Load.UsesGlobal", "Load.Good");
    assertPasses(runtime, "Load.Good", "{}", "Test.Log");
  }
}
