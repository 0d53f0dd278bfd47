package dev.tarn.detect.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tarn.config.SourceConfig;
import dev.tarn.config.TarnConfig;
import dev.tarn.detect.pack.Detection;
import dev.tarn.detect.pack.DetectionTest;
import dev.tarn.generate.GenerateCommand;
import dev.tarn.ingest.IngestJob;
import dev.tarn.lake.Lake;
import dev.tarn.logtypes.LogTypeRegistry;
import dev.tarn.testing.TestLake;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The pre-filters derived from the built-in CloudTrail rules change nothing but speed: over generated traffic with the
 * demo's attack scenarios, plus every CloudTrail rule's own test logs (which sit right at the rules' edges), the
 * findings with pre-filters equal the findings without them, while fewer events reach Python.
 */
class PrefilterDifferentialTest {
  private static final String SOURCE = "prefilter-differential";
  private static SparkSession spark;
  private static Dataset<Row> events;
  private static DetectJob.LoadedPack pack;
  private static List<Detection> rules;

  @BeforeAll
  static void ingest() throws Exception {
    spark = TestLake.spark();
    Path landing = TestLake.newDirectory("differential");
    int generated = new CommandLine(new GenerateCommand()).execute("--out", landing.toString(), "--types",
        "cloudtrail", "--events", "3000", "--seed", "11");
    assertThat(generated).isZero();
    TarnConfig config = DetectFixtures.config(Path.of("..", "detections").toAbsolutePath());
    pack = new DetectJob(spark, config).load();
    rules = pack.pack().enabledRulesByLogType().get("AWS.CloudTrail");
    DetectFixtures.write(landing.resolve("aws_cloudtrail/rule-tests.json"), testLogs(rules));
    SourceConfig source = new SourceConfig(SOURCE, SOURCE, landing.toString(), List.of(),
        Map.of("aws_cloudtrail/", List.of("AWS.CloudTrail")));
    new IngestJob(spark, new TarnConfig(TestLake.lake().root(), landing.toString(), List.of(source),
        Duration.ofMinutes(1), 1000)).runOnce();
    events = spark.read().format("delta").load(TestLake.lake().tablePath(Lake.LOGS_DB, "aws_cloudtrail"))
        .where(col("p_source_id").equalTo(lit(SOURCE))).cache();
  }

  /** The rules' test logs as CloudTrail lines (Glue-layout eventTime turned back into the log's own RFC 3339). */
  private static String testLogs(List<Detection> rules) throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Detection d : rules) {
      for (DetectionTest t : d.tests()) {
        Map<String, Object> log = new LinkedHashMap<>(t.input());
        log.keySet().removeIf(k -> k.startsWith("p_"));
        if (log.get("eventTime") instanceof String s && s.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*")) {
          log.put("eventTime", s.substring(0, 10) + "T" + s.substring(11, 19) + "Z");
        }
        lines.append(json.writeValueAsString(log)).append('\n');
      }
    }
    return lines.toString();
  }

  private static TableDetection detection(boolean prefilters) {
    DetectionPlan plan = new DetectionPlan(rules, new PackConditions(prefilters));
    return new TableDetection("aws_cloudtrail", "AWS.CloudTrail", plan, pack.settings(),
        new FindingsWriter(spark, new dev.tarn.lake.LakeTables(spark, TestLake.lake())));
  }

  private static Set<String> findings(boolean prefilters) {
    EventShape shape = EventShape.of(LogTypeRegistry.builtin().schema("AWS.CloudTrail"), events.schema());
    return detection(prefilters).findings(events, shape)
        .select(FindingColumns.RULE_ID, "p_row_id", FindingRows.KIND_COLUMN).collectAsList().stream()
        .map(r -> r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2))
        .collect(Collectors.toSet());
  }

  private static long pythonCalls(boolean prefilters) {
    EventShape shape = EventShape.of(LogTypeRegistry.builtin().schema("AWS.CloudTrail"), events.schema());
    DetectionPlan plan = new DetectionPlan(rules, new PackConditions(prefilters));
    Row total = plan.candidates(events, shape).agg(sum(size(col(DetectionPlan.PYTHON_COLUMN)))).first();
    return total.isNullAt(0) ? 0 : total.getLong(0);
  }

  @Test
  void preFiltersChangeNoFinding() {
    Set<String> without = findings(false);
    Set<String> with = findings(true);
    assertThat(without).isNotEmpty();
    assertThat(with).isEqualTo(without);
  }

  @Test
  void preFiltersSendFarFewerEventsToPython() {
    long all = pythonCalls(false);
    long filtered = pythonCalls(true);
    assertThat(all).isEqualTo(events.count() * rules.stream().filter(d -> !d.isSimple()).count());
    assertThat(filtered).isLessThan(all / 10);
  }

  @Test
  void nearlyEveryBuiltInCloudTrailRuleGetsAPreFilter() {
    List<String> without = new ArrayList<>();
    var conditions = new PackConditions(true);
    EventShape shape = EventShape.of(LogTypeRegistry.builtin().schema("AWS.CloudTrail"), events.schema());
    for (Detection d : rules) {
      if (!d.isSimple() && conditions.pythonCondition(d, shape.originalNames()).isEmpty()) {
        without.add(d.id());
      }
    }
    assertThat(without).as("rules without a derived pre-filter").hasSizeLessThanOrEqualTo(rules.size() / 10);
  }
}
