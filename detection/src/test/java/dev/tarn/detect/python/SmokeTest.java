package dev.tarn.detect.python;

import static dev.tarn.detect.python.Packs.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void smoke() {
    var pack = pack(rule("A", py("def rule(e):", "  return e.get('eventName') == 'x'", "def title(e):", "  return 'T ' + e.get('EVENTNAME')")),
        rule("B", py("import dateutil", "def rule(e): return True")),
        rule("C", py("def rule(e):", "  open('/etc/passwd').read()", "  return True")),
        rule("D", py("def rule(e):", "  import socket", "  socket.socket().connect(('127.0.0.1', 22))", "  return True")),
        rule("E", py("def rule(e):", "  import os", "  os.system('ls')", "  return True")),
        rule("F", py("def rule(e):", "  import subprocess", "  subprocess.run(['ls'])", "  return True")),
        rule("G", py("def rule(e):", "  import java", "  java.type('java.lang.System')", "  return True")),
        rule("H", py("import time, datetime", "def rule(e):", "  return datetime.datetime(2024,1,2).strftime('%s') == '1704153600'")));
    long t0 = System.nanoTime();
    try (var rt = GraalPyRuntime.create(pack, RuntimeOptions.defaults(new MemoryKvStore()))) {
      System.out.println("start " + (System.nanoTime() - t0) / 1e6 + " " + rt.loadResult());
      var ids = List.of("A", "C", "D", "E", "F", "G", "H");
      for (var o : rt.evaluate("{\"eventName\": \"x\"}", "Test.Log", ids)) {
        System.out.println(o);
      }
    }
  }
}
