package dev.tarn.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logtypes.LogTypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks Panther's conformance folder: every golden case must yield exactly its expected events, and every line of
 * every sample file must parse as the log type the file is named for. Cases of log types Tarn does not ship yet
 * are reported as skipped, so new data and new types are covered without touching this test.
 */
class GoldenCasesTest {
  private static final LogTypeRegistry REGISTRY = LogTypeRegistry.builtin();

  @TestFactory
  Stream<DynamicTest> goldenCases() throws Exception {
    Path root = Conformance.root().orElse(null);
    assumeTrue(root != null, "conformance data (../shared/conformance/panther) not found; skipping");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("parsers"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
        for (GoldenCase c : GoldenCase.read(file)) {
          tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
        }
      }
    }
    return tests.stream();
  }

  private static void check(GoldenCase c) {
    assumeTrue(REGISTRY.find(c.logType()).isPresent(), c.logType() + " is not shipped yet");
    LogType type = REGISTRY.logType(c.logType());
    Classifier classifier = new Classifier(List.of(type));
    RowContext ctx = new RowContext(null, null, c.file().toString(), System.currentTimeMillis() * 1000);
    classifier.classify(c.input(), 1, ctx);
    assertThat(classifier.accepted()).as("rejected: %s", classifier.rejection()).isTrue();
    List<InternalRow> rows = classifier.rows();
    assertThat(rows).as("number of events").hasSize(c.expected().size());
    for (int i = 0; i < rows.size(); i++) {
      ObjectNode actual = type.toJson(rows.get(i));
      assertThat(GoldenComparison.differences(c.expected().get(i), actual))
          .as("event %d differs; actual: %s", i, actual).isEmpty();
    }
  }
}
