package dev.tarn.cli;

import dev.tarn.config.DetectionConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.kv.KvConfig;
import dev.tarn.detect.kv.KvStore;
import dev.tarn.detect.kv.KvStores;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionPack;
import dev.tarn.detect.pack.LoadProblem;
import dev.tarn.detect.pack.PackLoader;
import dev.tarn.detect.python.RuleRuntime;
import dev.tarn.detect.python.RuleRuntimes;
import dev.tarn.detect.python.RuntimeOptions;
import dev.tarn.detect.testing.DetectionFilter;
import dev.tarn.detect.testing.JUnitXmlWriter;
import dev.tarn.detect.testing.TestOptions;
import dev.tarn.detect.testing.TestReport;
import dev.tarn.detect.testing.TestRun;
import dev.tarn.detect.testing.TextReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true,
    description = {"Run the embedded tests of detections with Panther's test-tool semantics (no Spark needed).",
        "Exit code 0 when every test passed and every spec loaded, 1 otherwise."})
public final class TestCommand implements Callable<Integer> {
  @Mixin
  GlobalOptions global;

  @Parameters(paramLabel = "DIR", arity = "0..*",
      description = "Detection directories or files (default: the detections.dirs setting, the built-in pack)")
  List<Path> dirs = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "KEY=VALUE",
      description = "Only detections whose KEY (AnalysisType, RuleID, PolicyID, LogTypes, Severity, Enabled, Tags…) "
          + "has one of the comma-separated values; KEY!=VALUE excludes. Repeatable (all must hold)")
  List<String> filters = new ArrayList<>();

  @Option(names = "--minimum-tests", paramLabel = "N", defaultValue = "0",
      description = "Fail detections with fewer tests; above 1 also needs a positive and a negative test")
  int minimumTests;

  @Option(names = "--show-failures-only", description = "Print only failing tests and the summary")
  boolean showFailuresOnly;

  @Option(names = "--skip-disabled-tests", description = "Do not run the tests of disabled detections")
  boolean skipDisabled;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the results as JUnit XML")
  Path junitXml;

  @Override
  public Integer call() throws IOException {
    TarnConfig config = global.load();
    DetectionConfig detection = config.detection();
    List<Path> roots = dirs.isEmpty() ? detection.dirs().stream().map(Path::of).toList() : dirs;
    List<DetectionFilter> parsed = new ArrayList<>();
    for (String f : filters) {
      try {
        parsed.add(DetectionFilter.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UserException("--filter " + f + ": " + e.getMessage());
      }
    }
    TestOptions options = TestOptions.defaults().withFilters(parsed).withMinimumTests(minimumTests)
        .withSkipDisabledTests(skipDisabled).withShowFailuresOnly(showFailuresOnly);

    DetectionPack pack = PackLoader.load(roots);
    // Tests that do not mock the KV store see an empty one, as with Panther's test tool.
    Path kvDir = Files.createTempDirectory("tarn-test-kv");
    Map<String, RuleRuntime> runtimes = new LinkedHashMap<>();
    try (KvStore kv = KvStores.open(KvConfig.embedded(kvDir.resolve("kv.mv.db")))) {
      RuntimeOptions runtimeOptions = new RuntimeOptions(detection.callTimeout(), detection.callMemoryBytes(),
          detection.pythonPath().stream().map(Path::of).toList(), kv, false, false);
      List<LoadProblem> runtimeProblems = new ArrayList<>();
      for (Detection d : pack.detections()) {
        if (d.isRunnable() && !d.isSimple()) {
          String name = runtimeOf(d, detection);
          if (!runtimes.containsKey(name)) {
            RuleRuntime runtime = RuleRuntimes.create(name, pack, runtimeOptions);
            runtimes.put(name, runtime);
            runtimeProblems.addAll(runtime.loadResult().problems());
          }
        }
      }
      TestRun run = new TestRun((d, t) -> runtimes.get(runtimeOf(d, detection)).runTest(d.id(), t),
          (d, t) -> dev.tarn.detect.match.SimpleDetection.of(d).matches(t.input()), options);
      TestReport report = run.run(pack, runtimeProblems);
      PrintWriter out = new PrintWriter(System.out, true);
      TextReportWriter.write(report, showFailuresOnly, out);
      out.flush();
      if (junitXml != null) {
        JUnitXmlWriter.write(report, junitXml);
        System.out.println("JUnit XML written to " + junitXml);
      }
      return report.exitCode();
    } finally {
      runtimes.values().forEach(RuleRuntime::close);
      deleteTree(kvDir);
    }
  }

  private static String runtimeOf(Detection d, DetectionConfig config) {
    return d.runtime() != null ? d.runtime() : config.runtime();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
