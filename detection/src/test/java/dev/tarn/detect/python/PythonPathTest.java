package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;
import static dev.tarn.detect.python.RuntimeTestSupport.assertPasses;
import static dev.tarn.detect.python.RuntimeTestSupport.evaluate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The python.path setting: extra package directories, importable and readable, nothing else on the host. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonPathTest {

  @TempDir
  static Path temp;

  private RuleRuntime graalpy;
  private RuleRuntime jython;

  @BeforeAll
  void start() throws IOException {
    Path packages = Files.createDirectories(temp.resolve("site-packages"));
    Files.createDirectories(packages.resolve("tarn_extra_pkg"));
    Files.writeString(packages.resolve("tarn_extra_pkg/__init__.py"), "VALUE = 42\n");
    Files.writeString(packages.resolve("tarn_extra_pkg/data.txt"), "inside\n");
    Files.writeString(temp.resolve("secret.txt"), "outside\n");
    String inside = packages.resolve("tarn_extra_pkg/data.txt").toString();
    String outside = temp.resolve("secret.txt").toString();
    var pack = pack(
        rule("Path.Import", py("import tarn_extra_pkg", "def rule(event):", "    return tarn_extra_pkg.VALUE == 42")),
        rule("Path.ReadInside", py("def rule(event):", "    return open('" + inside + "').read() == 'inside\\n'")),
        rule("Path.ReadOutside", py("def rule(event):", "    return open('" + outside + "').read() != ''")),
        rule("Path.Write", py("def rule(event):", "    open('" + packages.resolve("new.txt") + "', 'w')",
            "    return True")));
    var options = new RuntimeOptions(RuntimeOptions.DEFAULT_TIMEOUT, RuntimeOptions.DEFAULT_ALLOCATION_LIMIT,
        List.of(packages), new ScratchKvStore(), false, false);
    graalpy = GraalPyRuntime.create(pack, options);
    jython = JythonRuntime.create(pack, options);
  }

  @AfterAll
  void stop() {
    graalpy.close();
    jython.close();
  }

  @Test
  void packagesOnThePythonPathAreImportable() {
    assertPasses(graalpy, "Path.Import", "{}", "Test.Log");
    assertPasses(jython, "Path.Import", "{}", "Test.Log");
  }

  @Test
  void graalPyReadsFilesInsideThePythonPath() {
    assertPasses(graalpy, "Path.ReadInside", "{}", "Test.Log");
  }

  @Test
  void graalPyCannotReadFilesOutsideThePythonPath() {
    assertThat(evaluate(graalpy, "Path.ReadOutside", "{}", "Test.Log").error()).isNotNull();
  }

  @Test
  void graalPyCannotWriteIntoThePythonPath() {
    assertThat(evaluate(graalpy, "Path.Write", "{}", "Test.Log").error()).isNotNull();
  }
}
