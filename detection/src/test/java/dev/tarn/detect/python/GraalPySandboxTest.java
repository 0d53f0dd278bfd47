package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GraalPy's sandbox: what a detection cannot do, and that the runtime keeps working after it tried. */
class GraalPySandboxTest extends SandboxContract {

  @Override
  String runtimeName() {
    return GraalPyRuntime.NAME;
  }

  @Override
  List<Detection> probes() {
    return List.of(
        rule("Sandbox.ReadFile", py("def rule(event):", "    return len(open('/etc/hostname').read()) > 0")),
        rule("Sandbox.ListDir", py("import os", "def rule(event):", "    return len(os.listdir('/')) > 0")),
        rule("Sandbox.Socket", py("import socket", "def rule(event):",
            "    socket.socket().connect(('127.0.0.1', 9))", "    return True")),
        rule("Sandbox.Subprocess", py("import subprocess", "def rule(event):",
            "    return subprocess.run(['true']).returncode == 0")),
        rule("Sandbox.System", py("import os", "def rule(event):", "    return os.system('true') == 0")),
        rule("Sandbox.Environment", py("import os", "def rule(event):", "    return len(os.environ) > 0")),
        rule("Sandbox.HostClass", py("import java", "def rule(event):",
            "    return java.type('java.lang.System') is not None")),
        rule("Sandbox.Polyglot", py("import polyglot", "def rule(event):",
            "    return polyglot.eval(language='js', string='1') == 1")),
        rule("Sandbox.Thread", py("import threading", "def rule(event):",
            "    threading.Thread(target=lambda: None).start()", "    return True")),
        rule("Sandbox.HardExit", py("import os", "def rule(event):", "    os._exit(3)")));
  }

  @Test
  void readingAHostFileIsARuleError() {
    assertThat(errorOf("Sandbox.ReadFile")).startsWith("PermissionError");
  }

  @Test
  void listingAHostDirectoryIsARuleError() {
    assertThat(errorOf("Sandbox.ListDir")).startsWith("PermissionError");
  }

  @Test
  void openingASocketIsARuleError() {
    assertThat(errorOf("Sandbox.Socket")).startsWith("SandboxViolation").contains("in rule() of Sandbox.Socket");
  }

  @Test
  void startingAProcessIsARuleError() {
    assertThat(errorOf("Sandbox.Subprocess")).matches("(?s)(PermissionError|SandboxViolation).*");
  }

  @Test
  void osSystemIsARuleError() {
    assertThat(errorOf("Sandbox.System")).matches("(?s)(PermissionError|SandboxViolation).*");
  }

  @Test
  void theEnvironmentIsEmpty() {
    assertThat(evaluate(runtime, "Sandbox.Environment", "{}", "Test.Log")).isNull();
  }

  @Test
  void hostClassLookupIsARuleError() {
    assertThat(errorOf("Sandbox.HostClass")).contains("java.lang.System");
  }

  @Test
  void polyglotAccessIsARuleError() {
    assertThat(errorOf("Sandbox.Polyglot")).isNotBlank();
  }

  @Test
  void startingAThreadIsARuleError() {
    assertThat(errorOf("Sandbox.Thread")).startsWith("SandboxViolation");
  }

  @Test
  void exitingTheInterpreterRestartsItAndLaterEventsStillRun() {
    List<RuleOutcome> outcomes = runtime.evaluate("{\"ok\": true}", "Test.Log",
        List.of("Sandbox.HardExit", "Sandbox.Ok"));
    assertThat(outcomes).extracting(RuleOutcome::error).allSatisfy(error -> assertThat(error)
        .contains("the graalpy interpreter was restarted"));
    assertPasses(runtime, "Sandbox.Ok", "{\"ok\": true}", "Test.Log");
  }

  @Test
  void otherDetectionsOfTheSameEventStillRunAfterASandboxViolation() {
    List<RuleOutcome> outcomes = runtime.evaluate("{\"ok\": true}", "Test.Log",
        List.of("Sandbox.Socket", "Sandbox.Ok"));
    assertThat(outcomes).extracting(RuleOutcome::detectionId).containsExactly("Sandbox.Socket", "Sandbox.Ok");
    assertThat(outcomes.get(1).matched()).isTrue();
  }
}
