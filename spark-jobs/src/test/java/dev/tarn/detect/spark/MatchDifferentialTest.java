package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.detect.match.MatchEvaluator;
import dev.tarn.detect.match.MatchExpression;
import dev.tarn.detect.match.MatchParser;
import dev.tarn.detect.match.SimpleDetection;
import dev.tarn.detect.pack.AnalysisType;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.Severity;
import dev.tarn.testing.TestLake;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The same expressions over the same events, once with {@link MatchEvaluator} (events as Java maps) and once with
 * {@link MatchCompiler} (events as JSON read into a DataFrame with an explicit schema): the results must be equal.
 */
class MatchDifferentialTest {
  static final StructType SCHEMA = (StructType) DataType.fromDDL("""
      id BIGINT, s STRING, n BIGINT, d DOUBLE, b BOOLEAN, ns STRING, t TIMESTAMP, tags ARRAY<STRING>,
      nums ARRAY<BIGINT>, o STRUCT<k: STRING, n: BIGINT, inner: STRUCT<x: STRING>>, m MAP<STRING, STRING>,
      items ARRAY<STRUCT<name: STRING, ok: BOOLEAN, port: BIGINT>>, ip STRING, UserName STRING,
      p_enrichment STRUCT<ipinfo: MAP<STRING, STRUCT<city: STRING, cc: STRING>>>, left STRING, right STRING
      """);

  static final List<String> EVENTS = List.of(
      """
      {"id": 1, "s": "Hello World", "n": 5, "d": 1.5, "b": true, "ns": "42", "t": "2024-01-02 03:04:05.123456000",
       "tags": ["prod", "Web"], "nums": [80, 443], "o": {"k": "v", "n": 7, "inner": {"x": "y"}},
       "m": {"Env": "prod", "owner": "alice"},
       "items": [{"name": "a", "ok": true, "port": 22}, {"name": "b", "ok": false, "port": 8080}],
       "ip": "10.1.2.3", "UserName": "alice", "p_enrichment": {"ipinfo": {"ip": {"city": "Paris", "cc": "FR"}}},
       "left": "abc", "right": "ABC"}""",
      """
      {"id": 2, "s": "", "n": null, "tags": [], "o": {}, "m": {}, "items": [], "ip": "2001:db8::1",
       "left": "x", "right": "x"}""",
      """
      {"id": 3}""",
      """
      {"id": 4, "s": "hello world", "n": -3, "d": 10.0, "b": false, "ns": "4.2e1", "t": "1999-12-31 23:59:59.000000000",
       "tags": ["dev"], "nums": [22], "o": {"k": "V", "n": 0, "inner": {"x": null}}, "m": {"env": "dev", "Owner": null},
       "items": [{"name": "c", "ok": true, "port": 443}], "ip": "8.8.8.8", "UserName": "bob",
       "p_enrichment": {"ipinfo": {"ip": {"city": "Lyon", "cc": "FR"}}}, "left": "5", "right": "5.0"}""",
      """
      {"id": 5, "s": "010.0.0.1", "ip": "::ffff:192.168.1.1", "n": 9007199254740993, "ns": "9007199254740992",
       "left": "10", "right": "9"}""",
      """
      {"id": 6, "ip": "fe80::1", "s": "TRUE", "ns": "not a number", "d": 0.1, "items": [{"name": "x"}, null],
       "m": {"ENV": "qa"}}""");

  static final String EXPRESSIONS = """
      {Key: s, Condition: Equals, Value: Hello World}
      {Key: s, Condition: IEquals, Value: hello world}
      {Key: s, Condition: DoesNotEqual, Value: Hello World}
      {Key: s, Condition: Equals, Value: true}
      {Key: b, Condition: Equals, Value: 'TRUE'}
      {Key: n, Condition: Equals, Value: '5'}
      {Key: n, Condition: Equals, Value: 5.0}
      {Key: ns, Condition: Equals, Value: 42}
      {Key: ns, Condition: Equals, Value: '42'}
      {Key: n, Condition: Equals, Value: 9007199254740992}
      {Key: d, Condition: Equals, Value: 10}
      {Key: s, Condition: Contains, Value: World}
      {Key: s, Condition: IContains, Value: WORLD}
      {Key: s, Condition: DoesNotContain, Value: World}
      {Key: tags, Condition: Contains, Value: web}
      {Key: tags, Condition: IContains, Value: web}
      {Key: nums, Condition: Contains, Value: '443'}
      {Key: n, Condition: Contains, Value: 5}
      {Key: d, Condition: StartsWith, Value: '1'}
      {Key: d, Condition: EndsWith, Value: '.0'}
      {Key: b, Condition: EndsWith, Value: lse}
      {Key: s, Condition: StartsWith, Value: Hell}
      {Key: s, Condition: IStartsWith, Value: HELL}
      {Key: s, Condition: EndsWith, Value: World}
      {Key: s, Condition: IDoesNotEndWith, Value: WORLD}
      {Key: s, Condition: IsIn, Values: [Hello World, '']}
      {Key: n, Condition: IsIn, Values: ['5', -3]}
      {Key: s, Condition: IsNotIn, Values: [Hello World]}
      {Key: n, Condition: IsGreaterThan, Value: 0}
      {Key: ns, Condition: IsGreaterThanOrEquals, Value: 42}
      {Key: d, Condition: IsLessThan, Value: 2}
      {Key: n, Condition: IsLessThanOrEquals, Value: '5'}
      {Key: n, Condition: IsGreaterThan, Value: 9007199254740992}
      {Key: s, Condition: Exists}
      {Key: n, Condition: DoesNotExist}
      {Key: s, Condition: IsNull}
      {Key: o, Condition: IsNotNull}
      {Key: s, Condition: IsNullOrEmpty}
      {Key: tags, Condition: IsNullOrEmpty}
      {Key: o, Condition: IsNullOrEmpty}
      {KeyPath: o.inner, Condition: IsNullOrEmpty}
      {Key: m, Condition: IsNotNullOrEmpty}
      {Key: ip, Condition: IsIPAddress}
      {Key: s, Condition: IsIPAddress}
      {Key: ip, Condition: IsIPAddressPrivate}
      {Key: ip, Condition: IsIPAddressPublic}
      {Key: ip, Condition: IsIPAddressInCIDR, Value: 10.0.0.0/8}
      {Key: ip, Condition: IsIPAddressInCIDR, Values: ['2001:db8::/32', 192.168.0.0/16]}
      {Key: n, Condition: IsIPAddressInCIDR, Value: 0.0.0.0/0}
      {Key: username, Condition: Equals, Value: alice}
      {KeyPath: o.K, Condition: IEquals, Value: v}
      {DeepKey: [items, -1, port], Condition: IsGreaterThan, Value: 1000}
      {DeepKey: [nums, 0], Condition: Equals, Value: 80}
      {KeyPath: m.env, Condition: Equals, Value: prod}
      {KeyPath: m.env, Condition: Exists}
      {KeyPath: m.owner, Condition: Exists}
      {Enrichment: {Table: ipinfo, Selector: ip, FieldPath: city}, Condition: Equals, Value: Paris}
      {Key: absent, Condition: Equals, Value: x}
      {Key: absent, Condition: DoesNotEqual, Value: x}
      {KeyPath: o.absent.deeper, Condition: IsNullOrEmpty}
      {KeyPath: s.deeper, Condition: Exists}
      {Key: t, Condition: StartsWith, Value: '2024-01-02 03:04:05.123456'}
      {Key: t, Condition: Equals, Value: '1999-12-31 23:59:59.000000000'}
      {Condition: IEquals, Values: [{Key: left}, {Key: right}]}
      {Condition: Equals, Values: [{Key: left}, {Key: right}]}
      {Condition: IsGreaterThan, Values: [{Key: left}, {Key: right}]}
      {Condition: Contains, Values: [{Key: tags}, {Key: s}]}
      {Condition: DoesNotEqual, Values: [{Key: left}, {Key: absent}]}
      {Key: items, Condition: AnyElement, Expressions: [{Key: ok, Condition: Equals, Value: true}, {Key: port, Condition: IsLessThan, Value: 100}]}
      {Key: items, Condition: AllElements, Expressions: [{Key: ok, Condition: Equals, Value: true}]}
      {Key: items, Condition: NoElement, Expressions: [{Key: name, Condition: Equals, Value: b}]}
      {Key: items, Condition: OnlyOneElement, Expressions: [{Key: port, Condition: Exists}]}
      {Key: tags, Condition: AnyElement, Expressions: [{Key: x, Condition: DoesNotExist}]}
      {Key: items, Condition: AnyElement, Expressions: [{Key: tags, Condition: AnyElement, Expressions: [{Condition: AlwaysTrue}]}]}
      {Any: [{Key: b, Condition: Equals, Value: true}, {Key: n, Condition: IsLessThan, Value: 0}]}
      {OnlyOne: [{Key: s, Condition: Exists}, {Key: ip, Condition: Exists}]}
      {None: [{Key: s, Condition: Exists}]}
      {All: []}
      {Condition: AlwaysFalse}
      """;

  static final String DETECTION = """
      Detection: [{Key: id, Condition: Exists}]
      AlertTitle: '{s} from {ip} ({n}, {d}, {b}, {t}) {absent} {tags}'
      AlertContext:
        - {KeyName: s, KeyValue: {Key: s}}
        - {KeyName: n, KeyValue: {Key: n}}
        - {KeyName: when, KeyValue: {Key: t}}
        - {KeyName: first_tag, KeyValue: {DeepKey: [tags, 0]}}
        - {KeyName: city, KeyValue: {KeyPath: 'p_enrichment.ipinfo.ip.city'}}
        - {KeyName: missing, KeyValue: {Key: absent}}
      DynamicSeverities:
        - {ChangeTo: Critical, Conditions: [{Key: ip, Condition: IsIPAddressPublic}]}
        - {ChangeTo: Low, Conditions: [{Key: s, Condition: IsNullOrEmpty}]}
      """;

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
  static SparkSession spark;
  static Dataset<Row> events;
  static List<Map<String, Object>> javaEvents;

  @BeforeAll
  static void readEvents() throws Exception {
    spark = TestLake.spark();
    events = spark.read().schema(SCHEMA)
        .option("timestampFormat", SparkOperand.TIMESTAMP_TEXT)
        .option("timeZone", "UTC")
        .json(spark.createDataset(EVENTS.stream().map(s -> s.replace('\n', ' ')).toList(), Encoders.STRING()));
    javaEvents = new ArrayList<>();
    for (String e : EVENTS) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(e, Map.class);
      javaEvents.add(m);
    }
  }

  @Test
  void sparkAndJavaAgreeOnEveryExpressionAndEvent() {
    List<String> sources = EXPRESSIONS.lines().filter(l -> !l.isBlank()).toList();
    List<MatchExpression> expressions = new ArrayList<>();
    List<Column> columns = new ArrayList<>(List.of(col("id")));
    for (int i = 0; i < sources.size(); i++) {
      MatchExpression e = MatchParser.parse(load("[" + sources.get(i) + "]"), false);
      expressions.add(e);
      columns.add(MatchCompiler.compile(e, SCHEMA).as("e" + i));
    }
    List<Row> rows = events.select(columns.toArray(new Column[0])).orderBy("id").collectAsList();

    List<String> differences = new ArrayList<>();
    int matched = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < expressions.size(); i++) {
        assertThat(rows.get(r).isNullAt(i + 1)).as("null for %s", sources.get(i)).isFalse();
        boolean spark = rows.get(r).getBoolean(i + 1);
        boolean java = MatchEvaluator.matches(expressions.get(i), javaEvents.get(r));
        matched += java ? 1 : 0;
        if (spark != java) {
          differences.add("event " + (r + 1) + ": " + sources.get(i) + " → Spark " + spark + ", Java " + java);
        }
      }
    }
    assertThat(differences).isEmpty();
    // Guard against a table where everything is trivially false (or true).
    assertThat(matched).isBetween(expressions.size(), expressions.size() * rows.size() - expressions.size());
  }

  @Test
  void sparkAndJavaAgreeOnTitleContextAndSeverity() throws Exception {
    SimpleDetection d = simpleDetection();
    List<Row> rows = events.select(col("id"), SimpleDetectionColumns.title(d, SCHEMA),
        SimpleDetectionColumns.alertContextJson(d, SCHEMA), SimpleDetectionColumns.severity(d, SCHEMA),
        SimpleDetectionColumns.matches(d, SCHEMA)).orderBy("id").collectAsList();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, Object> event = javaEvents.get(r);
      Row row = rows.get(r);
      assertThat(row.getString(1)).as("title of event %s", r + 1).isEqualTo(d.title(event));
      JsonNode sparkContext = JSON.readTree(row.getString(2));
      JsonNode javaContext = JSON.valueToTree(d.alertContext(event));
      assertThat(sparkContext).as("context of event %s", r + 1).isEqualTo(javaContext);
      assertThat(row.getString(3)).as("severity of event %s", r + 1).isEqualTo(d.severity(event).name());
      assertThat(row.getBoolean(4)).isEqualTo(d.matches(event));
    }
  }

  static Object load(String yaml) {
    return new Load(LoadSettings.builder().build()).loadFromString(yaml);
  }

  @SuppressWarnings("unchecked")
  static SimpleDetection simpleDetection() {
    Map<String, Object> spec = (Map<String, Object>) load(DETECTION);
    return SimpleDetection.of(new Detection(AnalysisType.RULE, "Test.Differential", true, Path.of("t.yml"), null,
        null, spec.get("Detection"), null, spec.get("AlertContext"), spec.get("DynamicSeverities"),
        (String) spec.get("AlertTitle"), List.of("Custom.Test"), List.of(), List.of(), Severity.MEDIUM,
        "Differential", null, null, null, 60, 1, List.of(), List.of(), Map.of(), true, List.of(), null, List.of(),
        null, "v1"));
  }
}
