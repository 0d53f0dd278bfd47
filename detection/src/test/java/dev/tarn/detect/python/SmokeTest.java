package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    var pack = pack(rule("A", py("def rule(e):", "  return e.get('eventName') == 'x'", "def title(e):", "  return 'T ' + e.get('EVENTNAME')")));
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      var opts = RuntimeOptions.defaults(new MemoryKvStore());
      try (var rt = "jython".equals(System.getProperty("rt")) ? JythonRuntime.create(pack, opts) : GraalPyRuntime.create(pack, opts)) {
        System.out.println("start " + (System.nanoTime() - t0) / 1e6);
      }
    }
  }
}
