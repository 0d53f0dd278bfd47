package dev.tarn.detect.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tarn's Python modules also run under a plain CPython 3 (the benchmark uses them there). */
class PlainPythonTest {

  private static final String SCRIPT = String.join("\n",
      "import sys",
      "sys.path.insert(0, sys.argv[1])",
      "from panther_core import PantherEvent",
      "from panther_core.immutable import ImmutableList",
      "from panther_detection_helpers import caching",
      "import boto3, botocore.exceptions",
      "event = PantherEvent({'Outer': {'items': [{'n': 1}, {'n': 2}]}})",
      "assert event.deep_walk('outer', 'items', 'n') == [1, 2]",
      "assert isinstance(event.get('OUTER').get('items'), ImmutableList)",
      "caching.put_string_set('k', ['v'], epoch_seconds=60)",
      "assert caching.get_string_set('k') == {'v'}",
      "assert caching.increment_counter('c') == 1",
      "print('ok')");

  @Test
  void pantherCoreAndCachingWorkUnderCPython() throws IOException, InterruptedException, URISyntaxException {
    Path root = Path.of(PythonModules.class.getClassLoader().getResource("python/index.txt").toURI()).getParent();
    Process process;
    try {
      process = new ProcessBuilder("python3", "-c", SCRIPT, root.toString()).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "python3 is not installed");
      return;
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).isEqualTo("ok\n");
    assertThat(process.exitValue()).isZero();
  }
}
