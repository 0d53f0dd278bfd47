package dev.tarn.detect.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.detect.match.IpText;
import dev.tarn.detect.match.MatchExpression;
import dev.tarn.detect.match.MatchParser;
import dev.tarn.testing.TestLake;
import java.util.ArrayList;
import java.util.List;
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

/** What only the Spark side has to get right: schema resolution, the IP bit strings, SQL modes. */
class MatchCompilerTest {
  static final StructType SCHEMA = (StructType) DataType.fromDDL(
      "eventName STRING, big STRING, detail STRUCT<Code: BIGINT>, tags MAP<STRING, MAP<STRING, STRING>>, addrs ARRAY<STRING>, t TIMESTAMP");
  static SparkSession spark;
  static Dataset<Row> events;

  @BeforeAll
  static void readEvents() {
    spark = TestLake.spark();
    events = spark.read().schema(SCHEMA).option("timestampFormat", SparkOperand.TIMESTAMP_TEXT)
        .option("timeZone", "UTC").json(spark.createDataset(List.of(
        "{\"eventName\": \"Login\", \"big\": \"99999999999999999999\", \"detail\": {\"Code\": 7}, \"tags\": {\"Outer\": {\"Inner\": \"x\"}},"
            + " \"addrs\": [\"10.0.0.1\", \"2001:db8::1\"], \"t\": \"2024-01-02 03:04:05.123456000\"}"),
        Encoders.STRING()));
  }

  @Test
  void aKeyMissingFromTheSchemaCompilesToTheMissingKeyResult() {
    assertThat(eval("{Key: nope, Condition: Equals, Value: x}")).isFalse();
    assertThat(eval("{Key: nope, Condition: DoesNotEqual, Value: x}")).isTrue();
    assertThat(eval("{KeyPath: detail.nope.deeper, Condition: IsNullOrEmpty}")).isTrue();
  }

  @Test
  void resolvesStructFieldsIgnoringCase() {
    assertThat(eval("{KeyPath: EVENTNAME, Condition: Equals, Value: Login}")).isTrue();
    assertThat(eval("{KeyPath: detail.code, Condition: IsGreaterThan, Value: 6}")).isTrue();
  }

  @Test
  void resolvesNestedMapKeysIgnoringCase() {
    assertThat(eval("{KeyPath: tags.outer.inner, Condition: Equals, Value: x}")).isTrue();
  }

  @Test
  void readsListPositionsFromBothEnds() {
    assertThat(eval("{KeyPath: 'addrs[-1]', Condition: IsIPAddressInCIDR, Value: '2001:db8::/32'}")).isTrue();
    assertThat(eval("{KeyPath: 'addrs[5]', Condition: DoesNotExist}")).isTrue();
  }

  @Test
  void givesTheSameResultsUnderAnsiMode() {
    String before = spark.conf().get("spark.sql.ansi.enabled");
    spark.conf().set("spark.sql.ansi.enabled", "true");
    try {
      assertThat(eval("{KeyPath: 'addrs[5]', Condition: DoesNotExist}")).isTrue();
      assertThat(eval("{KeyPath: tags.nope.inner, Condition: DoesNotExist}")).isTrue();
      assertThat(eval("{Key: eventName, Condition: IsGreaterThan, Value: 1}")).isFalse();
      assertThat(eval("{Key: big, Condition: IsGreaterThan, Value: 1}")).isTrue();
    } finally {
      spark.conf().set("spark.sql.ansi.enabled", before);
    }
  }

  @Test
  void comparesTimestampsAsUtcTextWhateverTheSessionTimeZone() {
    String before = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/New_York");
    try {
      assertThat(eval("{Key: t, Condition: Equals, Value: '2024-01-02 03:04:05.123456000'}")).isTrue();
    } finally {
      spark.conf().set("spark.sql.session.timeZone", before);
    }
  }

  @Test
  void buildsTheSameAddressBitsAsJava() {
    List<String> texts = new ArrayList<>(List.of("0.0.0.0", "255.255.255.255", "10.1.2.3", "::", "::1", "1::",
        "2001:db8::1", "2001:DB8:0:0:0:0:2:1", "::ffff:10.0.0.1", "::10.0.0.1", "1:2:3:4:5:6:1.2.3.4",
        "fe80::1:2", "1:2:3:4:5:6:7:8", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8",
        "not an ip", "010.0.0.1", "1::2::3", "::ffff:256.0.0.1", ""));
    Dataset<Row> df = spark.createDataset(texts, Encoders.STRING()).toDF("ip");
    List<Row> rows = df.select(col("ip"), SparkIp.bits(col("ip")), SparkIp.isValid(col("ip"))).collectAsList();
    for (Row r : rows) {
      String text = r.getString(0);
      assertThat(r.getString(1)).as("bits of '%s'", text).isEqualTo(IpText.bits(text));
      assertThat(r.getBoolean(2)).as("validity of '%s'", text).isEqualTo(IpText.isValid(text));
    }
  }

  private static boolean eval(String expression) {
    MatchExpression e = MatchParser.parse(new Load(LoadSettings.builder().build()).loadFromString(
        "[" + expression + "]"), false);
    Column c = MatchCompiler.compile(e, SCHEMA);
    Row row = events.select(c).first();
    assertThat(row.isNullAt(0)).isFalse();
    return row.getBoolean(0);
  }
}
