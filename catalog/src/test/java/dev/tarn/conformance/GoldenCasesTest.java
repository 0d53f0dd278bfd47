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
import java.util.Map;
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
    for (String folder : List.of("parsers", "cloudsecurity")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
          for (GoldenCase c : GoldenCase.read(file)) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
          }
        }
      }
    }
    return tests.stream();
  }

  /** Types Panther told apart by content: a golden case of the key must be rejected by each listed sibling. */
  private static final Map<String, List<String>> SIBLINGS = Map.of(
      "GitLab.API", List.of("GitLab.Production"),
      "GitLab.Production", List.of("GitLab.API"),
      "CiscoUmbrella.IP", List.of("CiscoUmbrella.Proxy"),
      "Syslog.RFC5424", List.of("Syslog.RFC3164"));

  /** Sample files have no expected output; which log type each holds is told by its name. */
  private static final Map<String, String> SAMPLE_TYPES = Map.ofEntries(
      Map.entry("s3_server_access_samples.log", "AWS.S3ServerAccess"),
      Map.entry("auditlog_activity.json", "GCP.AuditLog"),
      Map.entry("auditlog_samples.jsonl", "GCP.AuditLog"),
      Map.entry("telelport_audit_samples.jsonl", "Gravitational.TeleportAudit"),
      Map.entry("reportslog_samples.jsonl", "GSuite.Reports"),
      Map.entry("access_samples.log", "Juniper.Access"),
      Map.entry("audit_samples.log", "Juniper.Audit"),
      Map.entry("firewall_samples.log", "Juniper.Firewall"),
      Map.entry("mws_samples.log", "Juniper.MWS"),
      Map.entry("postgres_samples.log", "Juniper.Postgres"),
      Map.entry("security_samples.log", "Juniper.Security"),
      Map.entry("dns.csv", "CiscoUmbrella.DNS"),
      Map.entry("ip.csv", "CiscoUmbrella.IP"));

  @TestFactory
  Stream<DynamicTest> sampleFiles() throws Exception {
    Path root = Conformance.root().orElse(null);
    assumeTrue(root != null, "conformance data (../shared/conformance/panther) not found; skipping");
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("parsers"))) {
      for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".yml")).sorted()
          .toList()) {
        tests.add(DynamicTest.dynamicTest(root.relativize(file).toString(), () -> checkSamples(file)));
      }
    }
    return tests.stream();
  }

  private static void checkSamples(Path file) throws Exception {
    String logType = SAMPLE_TYPES.get(file.getFileName().toString());
    assertThat(logType).as("which log type does sample file %s hold? add it to SAMPLE_TYPES", file).isNotNull();
    assumeTrue(REGISTRY.find(logType).isPresent(), logType + " is not shipped yet");
    Classifier classifier = new Classifier(List.of(REGISTRY.logType(logType)));
    RowContext ctx = new RowContext(null, null, file.toString(), System.currentTimeMillis() * 1000);
    if (file.toString().endsWith(".json")) {
      // A .json sample is one (pretty-printed) JSON document: one record.
      classifier.classify(Files.readString(file).strip(), 1, ctx);
      assertThat(classifier.accepted()).as("%s rejected: %s", file.getFileName(), classifier.rejection()).isTrue();
      return;
    }
    long number = 0;
    for (String line : Files.readAllLines(file)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      classifier.classify(line.strip(), number, ctx);
      assertThat(classifier.accepted()).as("line %d of %s rejected: %s", number, file.getFileName(),
          classifier.rejection()).isTrue();
    }
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
    for (String sibling : SIBLINGS.getOrDefault(c.logType(), List.of())) {
      if (REGISTRY.find(sibling).isPresent()) {
        Classifier other = new Classifier(List.of(REGISTRY.logType(sibling)));
        other.classify(c.input(), 1, ctx);
        assertThat(other.accepted()).as("%s must not accept a %s record", sibling, c.logType()).isFalse();
      }
    }
  }
}
