package dev.tarn.logtypes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.ValueSchema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The log types that Panther's detection corpus selects by name but Panther v1 did not ship. Each sample file under
 * {@code samples/} is named for its log type and holds vendor-documented events, one per line.
 */
class DetectionLogTypesTest {
  private static final LogTypeRegistry REGISTRY = LogTypeRegistry.builtin();

  /** Parse time far after any sample, so an event time that fell back to it cannot pass for the event's own. */
  private static final Instant PARSE_TIME = Instant.parse("2031-01-01T00:00:00Z");

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}");
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");

  /** Indicator columns beyond IPs and emails that some line of a type's samples must fill. */
  private static final Map<String, Set<String>> EXPECTED_INDICATORS = Map.ofEntries(
      Map.entry("Amazon.EKS.Audit", Set.of("p_any_usernames", "p_any_trace_ids", "p_any_aws_arns",
          "p_any_aws_account_ids")),
      Map.entry("Asana.Audit", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("Atlassian.Audit", Set.of("p_any_usernames", "p_any_trace_ids", "p_any_domain_names")),
      Map.entry("Auth0.Events", Set.of("p_any_usernames", "p_any_trace_ids", "p_any_domain_names")),
      Map.entry("Azure.Audit", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("Azure.MonitorActivity", Set.of("p_any_trace_ids")),
      Map.entry("Crowdstrike.FDREvent", Set.of("p_any_md5_hashes", "p_any_sha256_hashes", "p_any_domain_names",
          "p_any_usernames", "p_any_trace_ids")),
      Map.entry("Databricks.Audit", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("Dropbox.TeamEvent", Set.of("p_any_usernames", "p_any_emails")),
      Map.entry("GSuite.ActivityEvent", Set.of("p_any_domain_names", "p_any_trace_ids")),
      Map.entry("GitHub.Webhook", Set.of("p_any_usernames", "p_any_domain_names")),
      Map.entry("MongoDB.OrganizationEvent", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("Notion.AuditLogs", Set.of("p_any_trace_ids")),
      Map.entry("OnePassword.SignInAttempt", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("OpenAI.Audit", Set.of("p_any_emails", "p_any_trace_ids")),
      Map.entry("Proofpoint.Event", Set.of("p_any_trace_ids", "p_any_domain_names")),
      Map.entry("Tines.Audit", Set.of("p_any_usernames")),
      Map.entry("Wiz.Audit", Set.of("p_any_usernames", "p_any_trace_ids")),
      Map.entry("Zendesk.Audit", Set.of("p_any_usernames", "p_any_domain_names")),
      Map.entry("Zoom.Operation", Set.of("p_any_usernames")),
      Map.entry("Zscaler.ZIA.AdminAuditLog", Set.of("p_any_usernames", "p_any_trace_ids")));

  /** Types whose events carry no time of their own: their p_event_time is the parse time, as in Panther. */
  private static final Set<String> WITHOUT_EVENT_TIME = Set.of("GitHub.Webhook");

  record Sample(String logType, int lineNumber, String line) {
    @Override
    public String toString() {
      return logType + " line " + lineNumber;
    }
  }

  static Stream<Sample> samples() throws IOException, URISyntaxException {
    List<Sample> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(samplesFolder())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        String logType = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (!lines.get(i).isBlank()) {
            samples.add(new Sample(logType, i + 1, lines.get(i).strip()));
          }
        }
      }
    }
    return samples.stream();
  }

  static Stream<Sample> samplesWithEventTime() throws IOException, URISyntaxException {
    return samples().filter(s -> !WITHOUT_EVENT_TIME.contains(s.logType()));
  }

  static Stream<Sample> samplesWithoutEventTime() throws IOException, URISyntaxException {
    return samples().filter(s -> WITHOUT_EVENT_TIME.contains(s.logType()));
  }

  static Stream<String> sampledLogTypes() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(samplesFolder())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
          .map(n -> n.replaceFirst("\\.jsonl$", "")).sorted().toList().stream();
    }
  }

  private static Path samplesFolder() throws URISyntaxException {
    URL url = DetectionLogTypesTest.class.getClassLoader().getResource("samples");
    assertThat(url).as("test resources folder samples/").isNotNull();
    return Path.of(url.toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void acceptsVendorDocumentedEvents(Sample sample) {
    classify(sample);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samplesWithoutEventTime")
  void fallsBackToTheParseTimeForEventsWithoutATime(Sample sample) {
    ObjectNode row = classify(sample);
    assertThat(Instant.parse(row.get("p_event_time").asText())).isEqualTo(PARSE_TIME);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samplesWithEventTime")
  void takesEventTimeFromTheEventNotTheParseTime(Sample sample) {
    ObjectNode row = classify(sample);
    Instant eventTime = Instant.parse(row.get("p_event_time").asText());
    assertThat(eventTime).as("p_event_time of %s", row).isBefore(PARSE_TIME)
        .isAfter(Instant.parse("2010-01-01T00:00:00Z"));
  }

  /** Free-form {@code json} payloads are left out: Panther scans only typed string fields for indicators. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void collectsEveryIpAddressAndEmailOfItsStringFieldsAsIndicators(Sample sample) {
    ObjectNode row = classify(sample);
    List<String> values = new ArrayList<>();
    LogSchema schema = REGISTRY.schema(sample.logType());
    collectStrings(row, schema.fields(), schema.definitions(), values);
    for (String value : values) {
      if (IPV4.matcher(value).matches()) {
        assertContains(row, "p_any_ip_addresses", value);
      }
      if (EMAIL.matcher(value).matches()) {
        assertContains(row, "p_any_emails", value);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampledLogTypes")
  void fillsTheTypesOtherIndicatorColumns(String logType) throws Exception {
    Set<String> expected = EXPECTED_INDICATORS.getOrDefault(logType, Set.of());
    List<ObjectNode> rows = samples().filter(s -> s.logType().equals(logType))
        .map(DetectionLogTypesTest::classify).toList();
    for (String column : expected) {
      assertThat(rows).as("some %s sample fills %s", logType, column)
          .anySatisfy(row -> assertNonEmpty(row, column));
    }
  }

  private static ObjectNode classify(Sample sample) {
    assertThat(REGISTRY.find(sample.logType())).as("built-in log type %s", sample.logType()).isPresent();
    LogType type = REGISTRY.logType(sample.logType());
    Classifier classifier = new Classifier(List.of(type));
    long parseMicros = PARSE_TIME.getEpochSecond() * 1_000_000L;
    classifier.classify(sample.line(), sample.lineNumber(), new RowContext(null, null, sample.logType(), parseMicros));
    assertThat(classifier.accepted()).as("%s rejected: %s", sample, classifier.rejection()).isTrue();
    assertThat(classifier.rows()).as("events of %s", sample).hasSize(1);
    return type.toJson(classifier.rows().get(0));
  }

  /** The string values of the row's typed string fields, at any depth ({@code json} payloads skipped). */
  private static void collectStrings(JsonNode object, List<FieldSchema> fields, Map<String, ValueSchema> definitions,
      List<String> out) {
    for (FieldSchema field : fields) {
      JsonNode value = object.get(field.name());
      if (value != null) {
        collectStrings(value, field.value(), definitions, out);
      }
    }
  }

  private static void collectStrings(JsonNode node, ValueSchema schema, Map<String, ValueSchema> definitions,
      List<String> out) {
    switch (schema.type()) {
      case STRING -> out.add(node.asText());
      case OBJECT -> collectStrings(node, schema.fields(), definitions, out);
      case ARRAY -> node.forEach(element -> collectStrings(element, schema.element(), definitions, out));
      case REF -> collectStrings(node, definitions.get(schema.target()), definitions, out);
      default -> { }
    }
  }

  private static void assertContains(ObjectNode row, String column, String value) {
    JsonNode values = row.get(column);
    assertThat(values).as("%s of %s", column, row).isNotNull();
    List<String> texts = new ArrayList<>();
    values.forEach(v -> texts.add(v.asText()));
    assertThat(texts).as("%s of %s", column, row).contains(value);
  }

  private static void assertNonEmpty(ObjectNode row, String column) {
    JsonNode values = row.get(column);
    assertThat(values).as("%s of %s", column, row).isNotNull();
    assertThat(values.size()).as("%s of %s", column, row).isPositive();
  }
}
