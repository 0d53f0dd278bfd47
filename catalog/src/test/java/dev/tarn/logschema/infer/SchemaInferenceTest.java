package dev.tarn.logschema.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tarn.classify.Classifier;
import dev.tarn.classify.LogType;
import dev.tarn.classify.RowContext;
import dev.tarn.logschema.FieldSchema;
import dev.tarn.logschema.LogSchema;
import dev.tarn.logschema.LogSchemaReader;
import dev.tarn.logschema.ValueSchema;
import dev.tarn.logschema.ValueType;
import dev.tarn.time.TimeFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  private static LogSchema infer(String... lines) {
    return LogSchemaReader.read(SchemaInference.inferYaml("Custom.Sample", List.of(lines)), "inferred");
  }

  private static FieldSchema field(LogSchema schema, String... path) {
    List<FieldSchema> fields = schema.fields();
    FieldSchema found = null;
    for (String name : path) {
      found = fields.stream().filter(f -> f.name().equals(name)).findFirst()
          .orElseThrow(() -> new AssertionError("no field " + name + " in " + schema));
      fields = found.value().fields();
    }
    return found;
  }

  private static ValueSchema value(LogSchema schema, String... path) {
    return field(schema, path).value();
  }

  private static List<String> eventTimeFields(List<FieldSchema> fields, String prefix) {
    List<String> out = new ArrayList<>();
    for (FieldSchema f : fields) {
      if (f.value().eventTime()) {
        out.add(prefix + f.name());
      }
      out.addAll(eventTimeFields(f.value().fields(), prefix + f.name() + "."));
    }
    return out;
  }

  @Test
  void infersScalarTypes() {
    LogSchema schema = infer("{\"ok\": true, \"count\": 3, \"ratio\": 0.5, \"name\": \"a\", \"code\": \"42\"}");
    assertThat(value(schema, "ok").type()).isEqualTo(ValueType.BOOLEAN);
    assertThat(value(schema, "count").type()).isEqualTo(ValueType.BIGINT);
    assertThat(value(schema, "ratio").type()).isEqualTo(ValueType.FLOAT);
    assertThat(value(schema, "name").type()).isEqualTo(ValueType.STRING);
    assertThat(value(schema, "code").type()).as("numbers in strings stay strings").isEqualTo(ValueType.STRING);
  }

  @Test
  void mergesIntegersAndDecimalsIntoFloat() {
    assertThat(value(infer("{\"n\": 1}", "{\"n\": 1.5}"), "n").type()).isEqualTo(ValueType.FLOAT);
  }

  @Test
  void keysInEveryLineAndNeverNullAreRequired() {
    LogSchema schema = infer("{\"a\": \"x\", \"b\": \"y\", \"c\": \"z\"}", "{\"a\": \"x\", \"c\": null}");
    assertThat(field(schema, "a").required()).isTrue();
    assertThat(field(schema, "b").required()).as("missing from a line").isFalse();
    assertThat(field(schema, "c").required()).as("null in a line").isFalse();
  }

  @Test
  void keepsKeysInOrderOfFirstAppearance() {
    LogSchema schema = infer("{\"z\": 1, \"a\": 2}", "{\"m\": 3, \"a\": 4}");
    assertThat(schema.fields()).extracting(FieldSchema::name).containsExactly("z", "a", "m");
  }

  @Test
  void mergesNestedObjectsRecursively() {
    LogSchema schema = infer("{\"actor\": {\"id\": \"1\", \"geo\": {\"city\": \"Oslo\"}}}",
        "{\"actor\": {\"id\": \"2\", \"type\": \"User\"}}");
    assertThat(value(schema, "actor").type()).isEqualTo(ValueType.OBJECT);
    assertThat(value(schema, "actor").fields()).extracting(FieldSchema::name).containsExactly("id", "geo", "type");
    assertThat(field(schema, "actor", "id").required()).isTrue();
    assertThat(field(schema, "actor", "type").required()).isFalse();
    assertThat(value(schema, "actor", "geo", "city").type()).isEqualTo(ValueType.STRING);
  }

  @Test
  void infersArraysWithMergedElements() {
    LogSchema schema = infer("{\"tags\": [\"a\", \"b\"], \"targets\": [{\"id\": 1}]}",
        "{\"tags\": [], \"targets\": [{\"id\": 2, \"name\": \"x\"}]}");
    assertThat(value(schema, "tags").type()).isEqualTo(ValueType.ARRAY);
    assertThat(value(schema, "tags").element().type()).isEqualTo(ValueType.STRING);
    ValueSchema target = value(schema, "targets").element();
    assertThat(target.type()).isEqualTo(ValueType.OBJECT);
    assertThat(target.fields()).extracting(FieldSchema::name).containsExactly("id", "name");
  }

  @Test
  void conflictingKindsBecomeJson() {
    LogSchema schema = infer("{\"detail\": {\"a\": 1}}", "{\"detail\": \"text\"}");
    assertThat(value(schema, "detail").type()).isEqualTo(ValueType.JSON);
    assertThat(field(schema, "detail").description()).contains("different kinds");
  }

  @Test
  void scalarMixesBecomeString() {
    assertThat(value(infer("{\"v\": 1}", "{\"v\": \"one\"}"), "v").type()).isEqualTo(ValueType.STRING);
  }

  @Test
  void onlyNullsAndEmptyArraysBecomeJsonWithANote() {
    LogSchema schema = infer("{\"a\": null, \"b\": [], \"c\": \"x\"}");
    assertThat(value(schema, "a").type()).isEqualTo(ValueType.JSON);
    assertThat(field(schema, "a").description()).contains("null");
    assertThat(value(schema, "b").type()).isEqualTo(ValueType.JSON);
    assertThat(field(schema, "b").description()).contains("empty arrays");
  }

  @Test
  void objectsKeyedByDataBecomeJson() {
    LogSchema schema = infer("{\"byIp\": {\"10.0.0.1\": 3, \"10.0.0.2\": 4}, \"byId\": {\"1234\": \"a\", \"5678\": \"b\"}}");
    assertThat(value(schema, "byIp").type()).isEqualTo(ValueType.JSON);
    assertThat(value(schema, "byId").type()).isEqualTo(ValueType.JSON);
  }

  @Test
  void objectsWithManyDistinctKeysBecomeJson() {
    StringBuilder line = new StringBuilder("{\"counts\": {");
    for (int i = 0; i <= SchemaBuilder.MAX_OBJECT_KEYS; i++) {
      line.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(i);
    }
    assertThat(value(infer(line.append("}}").toString()), "counts").type()).isEqualTo(ValueType.JSON);
  }

  @Test
  void recognisesRfc3339Timestamps() {
    ValueSchema v = value(infer("{\"when\": \"2024-03-05T10:15:30Z\"}", "{\"when\": \"2024-03-05T10:15:30.123+02:00\"}"),
        "when");
    assertThat(v.type()).isEqualTo(ValueType.TIMESTAMP);
    assertThat(v.timeFormat()).isEqualTo("rfc3339");
  }

  @Test
  void recognisesSqlStyleDateTimes() {
    ValueSchema v = value(infer("{\"logged\": \"2024-03-05 10:15:30\"}"), "logged");
    assertThat(v.type()).isEqualTo(ValueType.TIMESTAMP);
    assertThat(v.timeFormat()).isEqualTo("%Y-%m-%d %H:%M:%S");
    assertThat(TimeFormat.of(v.timeFormat()).parseMicros("2024-03-05 10:15:30")).isEqualTo(1_709_633_730_000_000L);
  }

  @Test
  void recognisesEpochsByKeyNameAndMagnitude() {
    LogSchema schema = infer("{\"ts\": 1709633730, \"created_at\": 1709633730123, \"eventTime\": 1709633730123456,"
        + " \"receivedTime\": 1709633730123456789, \"updatedAt\": \"1709633730\", \"count\": 1709633730}");
    assertThat(value(schema, "ts").timeFormat()).isEqualTo("unix");
    assertThat(value(schema, "created_at").timeFormat()).isEqualTo("unix_ms");
    assertThat(value(schema, "eventTime").timeFormat()).isEqualTo("unix_us");
    assertThat(value(schema, "receivedTime").timeFormat()).isEqualTo("unix_ns");
    assertThat(value(schema, "updatedAt").timeFormat()).as("epoch in a string").isEqualTo("unix");
    assertThat(value(schema, "count").type()).as("not a time name").isEqualTo(ValueType.BIGINT);
  }

  @Test
  void numbersOfNoEpochMagnitudeAreNotTimestamps() {
    assertThat(value(infer("{\"time\": 42}"), "time").type()).isEqualTo(ValueType.BIGINT);
  }

  @Test
  void marksExactlyOnePreferredTopLevelTimestampAsEventTime() {
    LogSchema schema = infer("{\"nested\": {\"timestamp\": \"2024-03-05T10:15:30Z\"},"
        + " \"updated_at\": \"2024-03-05T10:15:31Z\", \"published\": \"2024-03-05T10:15:32Z\"}");
    assertThat(eventTimeFields(schema.fields(), "")).containsExactly("published");
  }

  @Test
  void prefersATimestampInEveryLineOverABetterNamedOptionalOne() {
    LogSchema schema = infer("{\"time\": \"2024-03-05T10:15:30Z\", \"logged_at\": \"2024-03-05T10:15:30Z\"}",
        "{\"logged_at\": \"2024-03-05T10:15:30Z\"}");
    assertThat(eventTimeFields(schema.fields(), "")).containsExactly("logged_at");
  }

  @Test
  void fallsBackToANestedTimestampForEventTime() {
    LogSchema schema = infer("{\"meta\": {\"time\": \"2024-03-05T10:15:30Z\"}, \"msg\": \"x\"}");
    assertThat(eventTimeFields(schema.fields(), "")).containsExactly("meta.time");
  }

  @Test
  void tagsIpValuesAsIp() {
    LogSchema schema = infer("{\"src\": \"10.0.0.1\", \"clientIpAddress\": \"2001:db8::1\"}",
        "{\"src\": \"192.168.1.1\", \"clientIpAddress\": \"unknown\"}");
    assertThat(value(schema, "src").indicators()).containsExactly("ip");
    assertThat(value(schema, "clientIpAddress").indicators()).as("ip key, mostly ip values").isEmpty();
    assertThat(value(infer("{\"ip_addr\": \"10.0.0.1\"}", "{\"ip_addr\": \"10.0.0.2\"}", "{\"ip_addr\": \"-\"}"),
        "ip_addr").indicators()).containsExactly("ip");
  }

  @Test
  void tagsEmailValuesAsEmail() {
    assertThat(value(infer("{\"contact\": \"jane@example.com\"}"), "contact").indicators()).containsExactly("email");
  }

  @Test
  void tagsArnValuesAsAwsArn() {
    assertThat(value(infer("{\"role\": \"arn:aws:iam::123456789012:role/Admin\"}"), "role").indicators())
        .containsExactly("aws_arn");
  }

  @Test
  void tagsTwelveDigitAccountIdsUnderAccountKeys() {
    LogSchema schema = infer("{\"accountId\": \"123456789012\", \"orderNo\": \"123456789012\"}");
    assertThat(value(schema, "accountId").indicators()).containsExactly("aws_account_id");
    assertThat(value(schema, "orderNo").indicators()).isEmpty();
  }

  @Test
  void tagsUserKeysAsUsername() {
    LogSchema schema = infer("{\"user\": \"jane\", \"userName\": \"jane\", \"actor\": \"bob\", \"userAgent\": \"curl\"}");
    assertThat(value(schema, "user").indicators()).containsExactly("username");
    assertThat(value(schema, "userName").indicators()).containsExactly("username");
    assertThat(value(schema, "actor").indicators()).containsExactly("username");
    assertThat(value(schema, "userAgent").indicators()).isEmpty();
  }

  @Test
  void tagsHostKeysAsHostname() {
    LogSchema schema = infer("{\"host\": \"web-1\", \"hostname\": \"db.internal\", \"domain\": \"example.com\"}");
    assertThat(value(schema, "host").indicators()).containsExactly("hostname");
    assertThat(value(schema, "hostname").indicators()).containsExactly("hostname");
    assertThat(value(schema, "domain").indicators()).containsExactly("hostname");
  }

  @Test
  void tagsHttpValuesUnderUrlKeysAsUrl() {
    LogSchema schema = infer("{\"requestUrl\": \"https://example.com/a?b=c\", \"uri\": \"/a/b\"}");
    assertThat(value(schema, "requestUrl").indicators()).containsExactly("url");
    assertThat(value(schema, "uri").indicators()).as("no scheme").isEmpty();
  }

  @Test
  void tagsHexDigestsByLength() {
    LogSchema schema = infer("{\"a\": \"" + "a".repeat(32) + "\", \"b\": \"" + "0b".repeat(20) + "\", \"c\": \""
        + "F".repeat(64) + "\"}");
    assertThat(value(schema, "a").indicators()).containsExactly("md5");
    assertThat(value(schema, "b").indicators()).containsExactly("sha1");
    assertThat(value(schema, "c").indicators()).containsExactly("sha256");
  }

  @Test
  void skipsAndReportsInvalidLines() {
    InferenceReport report = SchemaInference.infer("Custom.Sample",
        List.of("{\"a\": 1}", "not json", "", "[1, 2]", "{\"a\": 2}"));
    assertThat(report.linesRead()).isEqualTo(4);
    assertThat(report.eventsUsed()).isEqualTo(2);
    assertThat(report.invalidLines()).extracting(InferenceReport.InvalidLine::lineNumber).containsExactly(2, 4);
    assertThat(report.yaml()).startsWith("# Proposed by tarn logtypes infer from 4 lines; 2 lines skipped as invalid"
        + " JSON (line 2, 4).");
    assertThat(report.yaml()).contains("description: Inferred from 2 sample lines; review before adding.");
  }

  @Test
  void refusesSamplesWithoutAnyJsonObject() {
    assertThatThrownBy(() -> SchemaInference.infer("Custom.Sample", List.of("nope", "{}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the 2 non-blank lines");
  }

  @Test
  void refusesAnInvalidLogTypeName() {
    assertThatThrownBy(() -> SchemaInference.infer("custom app", List.of("{\"a\": 1}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid log type name");
  }

  @Test
  void quotesNamesThatYamlWouldMisread() {
    String yaml = SchemaInference.inferYaml("Custom.Sample",
        List.of("{\"@timestamp\": \"2024-03-05T10:15:30Z\", \"true\": 1, \"a: b\": \"x\", \"#\": 2}"));
    assertThat(yaml).contains("- name: '@timestamp'");
    LogSchema schema = LogSchemaReader.read(yaml, "inferred");
    assertThat(schema.fields()).extracting(FieldSchema::name).containsExactly("@timestamp", "true", "a: b", "#");
    assertThat(value(schema, "@timestamp").eventTime()).isTrue();
  }

  private static final List<String> OKTA_LIKE = List.of(
      "{\"uuid\": \"f0a4b1c2-0001\", \"published\": \"2024-03-05T10:15:30.123Z\", \"eventType\": \"user.session.start\","
          + " \"severity\": \"INFO\", \"actor\": {\"id\": \"00u1\", \"type\": \"User\", \"alternateId\": \"jane@example.com\","
          + " \"displayName\": \"Jane\"}, \"client\": {\"ipAddress\": \"198.51.100.7\", \"userAgent\": {\"rawUserAgent\":"
          + " \"Mozilla/5.0\"}, \"geographicalContext\": {\"city\": \"Oslo\", \"geolocation\": {\"lat\": 59.9, \"lon\": 10.7}}},"
          + " \"outcome\": {\"result\": \"SUCCESS\"}, \"target\": [{\"id\": \"0oa1\", \"type\": \"AppInstance\"}],"
          + " \"debugContext\": {\"debugData\": {\"requestUri\": \"/login\"}}, \"legacyEventType\": null}",
      "{\"uuid\": \"f0a4b1c2-0002\", \"published\": \"2024-03-05T10:16:00Z\", \"eventType\": \"user.session.end\","
          + " \"severity\": \"INFO\", \"actor\": {\"id\": \"00u2\", \"type\": \"User\", \"alternateId\": \"bob@example.com\","
          + " \"displayName\": \"Bob\"}, \"client\": {\"ipAddress\": \"203.0.113.9\", \"userAgent\": {\"rawUserAgent\":"
          + " \"curl/8\"}, \"geographicalContext\": {\"city\": \"Bergen\", \"geolocation\": {\"lat\": 60, \"lon\": 5.3}}},"
          + " \"outcome\": {\"result\": \"SUCCESS\", \"reason\": null}, \"target\": [],"
          + " \"debugContext\": {\"debugData\": {\"requestId\": \"abc\"}}}",
      "{\"uuid\": \"f0a4b1c2-0003\", \"published\": \"2024-03-05T11:00:00.5+01:00\", \"eventType\": \"user.mfa.challenge\","
          + " \"severity\": \"WARN\", \"actor\": {\"id\": \"00u1\", \"type\": \"User\", \"alternateId\": \"jane@example.com\","
          + " \"displayName\": \"Jane\"}, \"client\": {\"ipAddress\": \"2001:db8::7\"}, \"outcome\": {\"result\": \"FAILURE\","
          + " \"reason\": \"INVALID_CREDENTIALS\"}, \"target\": [{\"id\": \"0oa2\", \"type\": \"AppInstance\","
          + " \"displayName\": \"Mail\"}], \"debugContext\": {\"debugData\": {}}, \"transaction\": {\"id\": \"t1\"}}",
      "{\"uuid\": \"f0a4b1c2-0004\", \"published\": \"2024-03-05T12:00:00Z\", \"eventType\": \"policy.evaluate\","
          + " \"severity\": \"DEBUG\", \"actor\": {\"id\": \"00u3\", \"type\": \"User\", \"alternateId\": \"ops@example.com\","
          + " \"displayName\": \"Ops\"}, \"client\": {\"ipAddress\": \"198.51.100.8\"}, \"outcome\": {\"result\": \"ALLOW\"},"
          + " \"debugContext\": {\"debugData\": {\"requestUri\": \"/api/v1/users\", \"risk\": 3}}}",
      "{\"uuid\": \"f0a4b1c2-0005\", \"published\": \"2024-03-05T13:45:10.000Z\", \"eventType\": \"user.account.lock\","
          + " \"severity\": \"ERROR\", \"actor\": {\"id\": \"00u2\", \"type\": \"User\", \"alternateId\": \"bob@example.com\","
          + " \"displayName\": \"Bob\"}, \"client\": {\"ipAddress\": \"203.0.113.9\"}, \"outcome\": {\"result\": \"DENY\"},"
          + " \"target\": [{\"id\": \"00u2\", \"type\": \"User\"}], \"debugContext\": {\"debugData\": {\"requestUri\": \"/x\"}}}");

  @Test
  void inferredSchemaForRealisticSamplesClassifiesEverySampleWithItsEventTime() {
    String yaml = SchemaInference.inferYaml("Custom.OktaLike", OKTA_LIKE);
    LogSchema schema = LogSchemaReader.read(yaml, "inferred");
    assertThat(eventTimeFields(schema.fields(), "")).containsExactly("published");
    assertThat(value(schema, "actor", "alternateId").indicators()).containsExactly("email");
    assertThat(value(schema, "client", "ipAddress").indicators()).containsExactly("ip");
    assertThat(value(schema, "target").element().type()).isEqualTo(ValueType.OBJECT);

    LogType type = new LogType(schema);
    Classifier classifier = new Classifier(List.of(type));
    RowContext ctx = new RowContext("src", "Source", "samples.jsonl", 0);
    List<String> eventTimes = new ArrayList<>();
    for (int i = 0; i < OKTA_LIKE.size(); i++) {
      classifier.classify(OKTA_LIKE.get(i), i + 1, ctx);
      assertThat(classifier.accepted()).as("line %d: %s", i + 1, classifier.rejection()).isTrue();
      ObjectNode row = type.toJson(classifier.rows().get(0));
      eventTimes.add(row.get("p_event_time").asText());
      assertThat(row.get("p_any_ip_addresses")).isNotNull();
    }
    assertThat(eventTimes).allSatisfy(t -> assertThat(t).startsWith("2024-03-05"));
    assertThat(eventTimes.get(0)).contains("10:15:30.123");
    assertThat(eventTimes.get(2)).contains("10:00:00.5");
  }
}
