package dev.tarn.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tarn.alerts.delivery.AlertType;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.service.AlertsConfig;
import dev.tarn.alerts.service.AlertsService;
import dev.tarn.cli.TarnCli;
import dev.tarn.config.ConfigLoader;
import dev.tarn.config.TarnConfig;
import dev.tarn.lake.Lake;
import dev.tarn.lake.LakeTables;
import dev.tarn.maintain.MaintainJob;
import dev.tarn.maintain.MaintainOptions;
import dev.tarn.maintain.MaintainReport;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alarm path end to end, across both modules: a source stops sending and a real job fails (a maintain whose
 * VACUUM the table's own retention refuses), {@code tarn health} writes system findings, and the alerts service
 * turns them into SYSTEM_ERROR alerts that reach the alarm destination (alertTypes [SYSTEM_ERROR]) and not a rule
 * destination. Other tests share the lake and may raise their own alarms, so assertions pick this test's subjects.
 */
class HealthAlarmDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SILENT = "e2e-silent";
  private static final String SENDING = "e2e-sending";
  private static final String FAILING_TABLE = "e2e_health_maintain";
  private static final List<JsonNode> alarmRequests = new CopyOnWriteArrayList<>();
  private static final List<JsonNode> ruleRequests = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;
  private static AlertsService service;
  private static boolean maintainFailed;
  private static int healthExit;

  @BeforeAll
  static void raiseAndDeliver() throws IOException {
    Instant now = Instant.now();
    HealthFixtures.ingested(SILENT, "file:/landing/e2e-silent/a.json", now.minus(Duration.ofHours(2)));
    HealthFixtures.ingested(SENDING, "file:/landing/e2e-sending/a.json", now.minus(Duration.ofMinutes(2)));
    maintainFailed = failAMaintainRun();
    healthExit = TarnCli.execute("health", "--lake", TestLake.lake().root(),
        "--set", "sources=" + HealthFixtures.sources(SILENT, SENDING),
        "--set", "health.volumeAnomalies=false");

    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/alarm", exchange -> record(exchange, alarmRequests));
    receiver.createContext("/rules", exchange -> record(exchange, ruleRequests));
    receiver.start();
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

    Map<String, String> env = Map.of("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    String database = AlertsConfig.defaultDatabaseUrl(TestLake.newDirectory("e2e-alerts-db").toString());
    service = AlertsService.open(AlertsConfig.load(null, env, List.of("lake=" + TestLake.lake().root(),
        "alerts.database.url=" + database, "alerts.port=0", "alerts.pollInterval=1h",
        "alerts.deliveryInterval=1h")), env);
    List<String> severities = List.of("INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL");
    service.destinations().create(new DestinationConfig("alarm", "tarn-alarms", DestinationType.CUSTOMWEBHOOK,
        Map.of(), Map.of("webhookURL", base + "/alarm"), severities, List.of(AlertType.SYSTEM_ERROR), true));
    service.destinations().create(new DestinationConfig("soc", "soc", DestinationType.CUSTOMWEBHOOK,
        Map.of(), Map.of("webhookURL", base + "/rules"), severities, List.of(AlertType.RULE), true));
    service.pollOnce();
    service.deliverDue();
  }

  /**
   * A real failing job: a maintain run on a table that keeps deleted files 30 days refuses the default 7-day VACUUM
   * and records the run as failed. (Run through MaintainJob: the CLI command stops the tests' shared session.)
   */
  private static boolean failAMaintainRun() {
    SparkSession spark = TestLake.spark();
    LakeTables tables = new LakeTables(spark, TestLake.lake());
    StructType schema = new StructType().add("p_event_time", DataTypes.TimestampType)
        .add("p_date", DataTypes.DateType).add("value", DataTypes.StringType);
    tables.ensure(Lake.LOGS_DB, FAILING_TABLE, schema, "p_date");
    spark.sql("ALTER TABLE delta.`" + tables.path(Lake.LOGS_DB, FAILING_TABLE)
        + "` SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 30 days')");
    TarnConfig config = ConfigLoader.load(null, Map.of(), List.of("lake=" + TestLake.lake().root()));
    MaintainReport report = new MaintainJob(spark, TestLake.lake(), config.maintain(), Clock.systemUTC())
        .run(MaintainOptions.all().onTables(List.of(Lake.LOGS_DB + "." + FAILING_TABLE)));
    return report.failed();
  }

  private static void record(com.sun.net.httpserver.HttpExchange exchange, List<JsonNode> into) throws IOException {
    into.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private static List<JsonNode> alarms(String alarmId, String subject) {
    return alarmRequests.stream().filter(r -> r.path("id").asText().equals(alarmId))
        .filter(r -> r.path("alertContext").path("subject").asText().equals(subject)).toList();
  }

  @Test
  void theFailingJobAndHealthRunAsTheTestExpects() {
    assertThat(maintainFailed).as("maintain refused the VACUUM and recorded a failed run").isTrue();
    assertThat(healthExit).isZero();
  }

  @Test
  void aSilentSourceRaisesASourceSilentAlarmThatReachesTheAlarmDestination() {
    List<JsonNode> silent = alarms(SystemFindings.SOURCE_SILENT, SILENT);

    assertThat(silent).hasSize(1);
    JsonNode alarm = silent.get(0);
    assertThat(alarm.path("type").asText()).isEqualTo("SYSTEM_ERROR");
    assertThat(alarm.path("severity").asText()).isEqualTo("HIGH");
    assertThat(alarm.path("runbook").asText()).isEqualTo("docs/runbooks.md#source-silent");
    assertThat(alarm.path("alertContext").path("threshold").asLong()).isEqualTo(3600);
  }

  @Test
  void aSourceStillSendingRaisesNothing() {
    assertThat(alarms(SystemFindings.SOURCE_SILENT, SENDING)).isEmpty();
  }

  @Test
  void aFailedJobRaisesAJobFailedAlarmThatReachesTheAlarmDestination() {
    List<JsonNode> failed = alarms(SystemFindings.JOB_FAILED, "maintain/" + Lake.LOGS_DB + "." + FAILING_TABLE);

    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).path("runbook").asText()).isEqualTo("docs/runbooks.md#job-failed");
    assertThat(failed.get(0).path("alertContext").toString()).contains("VACUUM");
  }

  @Test
  void systemAlarmsDoNotReachARuleDestination() {
    assertThat(ruleRequests).noneMatch(r -> r.path("type").asText().equals("SYSTEM_ERROR"));
  }
}
