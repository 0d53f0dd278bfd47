package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.pack.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jython's guards for pack code: host and system modules and file access are refused, the stdlib still works. */
class JythonSandboxTest extends SandboxContract {

  @Override
  String runtimeName() {
    return JythonRuntime.NAME;
  }

  @Override
  List<Detection> probes() {
    return List.of(
        rule("Sandbox.ReadFile", py("def rule(event):", "    return len(open('/etc/hostname').read()) > 0")),
        rule("Sandbox.BuiltinOpen", py("def rule(event):", "    return __builtins__['open']('/etc/hostname') is None")),
        rule("Sandbox.Os", py("def rule(event):", "    import os", "    return os.system('true') == 0")),
        rule("Sandbox.Socket", py("def rule(event):", "    import socket", "    return socket is None")),
        rule("Sandbox.Subprocess", py("def rule(event):", "    import subprocess", "    return True")),
        rule("Sandbox.Java", py("def rule(event):", "    from java.lang import System", "    return True")),
        rule("Sandbox.DunderImport", py("def rule(event):", "    return __import__('os') is None")),
        rule("Sandbox.Stdlib", py("import json, re, datetime, fnmatch, base64", "def rule(event):",
            "    return json.loads('[1]') == [1] and re.match('a', 'a') is not None")));
  }

  @Test
  void openIsRefusedToPackCode() {
    assertThat(errorOf("Sandbox.ReadFile")).startsWith("IOError: open() is not available in Tarn's rule sandbox");
  }

  @Test
  void openThroughTheBuiltinsIsRefusedToo() {
    assertThat(errorOf("Sandbox.BuiltinOpen")).startsWith("IOError: open() is not available");
  }

  @Test
  void osCannotBeImported() {
    assertThat(errorOf("Sandbox.Os")).startsWith("ImportError: import of os is blocked");
  }

  @Test
  void socketCannotBeImported() {
    assertThat(errorOf("Sandbox.Socket")).startsWith("ImportError: import of socket is blocked");
  }

  @Test
  void subprocessCannotBeImported() {
    assertThat(errorOf("Sandbox.Subprocess")).startsWith("ImportError: import of subprocess is blocked");
  }

  @Test
  void javaClassesCannotBeImported() {
    assertThat(errorOf("Sandbox.Java")).startsWith("ImportError: import of java.lang is blocked");
  }

  @Test
  void dunderImportIsGuardedLikeTheImportStatement() {
    assertThat(errorOf("Sandbox.DunderImport")).startsWith("ImportError: import of os is blocked");
  }

  @Test
  void everyJythonRuntimeOfTheJvmIsGuarded() {
    try (RuleRuntime second = JythonRuntime.create(pack(rule("Sandbox.Os", py("def rule(event):", "    import os",
        "    return True"))), RuntimeOptions.defaults(new ScratchKvStore()))) {
      assertThat(evaluate(second, "Sandbox.Os", "{}", "Test.Log").error())
          .startsWith("ImportError: import of os is blocked");
    }
  }

  @Test
  void theStandardLibraryRulesUseStillImports() {
    assertPasses(runtime, "Sandbox.Stdlib", "{}", "Test.Log");
  }
}
