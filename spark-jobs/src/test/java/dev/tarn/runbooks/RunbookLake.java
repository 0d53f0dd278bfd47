package dev.tarn.runbooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tarn.cli.TarnCli;
import dev.tarn.generate.GeneratorOptions;
import dev.tarn.generate.LogGenerator;
import dev.tarn.generate.LogType;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import dev.tarn.testing.TestFiles;
import dev.tarn.testing.TestLake;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The small lake the runbook commands run against, built with the real path: generated CloudTrail logs (with the
 * generator's attacks and a few broken lines) ingested, detected with a few built-in rules and a scheduled query;
 * the alerts service running in its own JVM with a webhook destination that
 * refuses connections, so there is a dead letter; and the values the document's variables stand for.
 */
final class RunbookLake implements AutoCloseable {
  static final String SOURCE_ID = "landing";
  static final String TABLE = "aws_cloudtrail";
  static final String TOKEN = "runbooks-admin-token-0123456789";

  final Path repo;
  final Path config;
  final String alertsUrl;
  private final Path logs;
  private final Map<String, String> variables = new LinkedHashMap<>();
  private AlertsServiceChild alerts;
  private int alertsStarts;

  private RunbookLake(Path repo, Path config, String alertsUrl, Path logs) {
    this.repo = repo;
    this.config = config;
    this.alertsUrl = alertsUrl;
    this.logs = logs;
  }

  static RunbookLake build(Path repo, Instant start) throws Exception {
    Path landing = TestLake.newDirectory("runbooks-landing");
    new LogGenerator(GeneratorOptions.builder().seed(11).types(LogType.CLOUDTRAIL).eventsPerType(120).start(start)
        .duration(Duration.ofDays(2)).build()).write(landing);
    Files.writeString(landing.resolve(TABLE + "/broken-upload.json"), "{\"eventVersion\": \"1.08\", \"eventTi\n"
        + "not a log line\n");
    Path pack = pack(repo.resolve("detections"));
    int port = freePort();
    Path config = TestLake.newDirectory("runbooks-config").resolve("tarn.yaml");
    Files.writeString(config, String.join("\n",
        "lake: " + TestLake.lake().root(),
        "landing: " + landing,
        "detections:",
        "  dirs: [" + pack + "]",
        "maintain:",
        "  interval: 0",
        "alerts:",
        "  port: " + port,
        "  pollInterval: 1s",
        "  delivery: {maxAttempts: 1, minDelay: 1s, maxDelay: 2s}",
        ""));
    RunbookLake lake = new RunbookLake(repo, config, "http://127.0.0.1:" + port,
        repo.resolve("spark-jobs/target/it-logs"));
    lake.populate(start);
    return lake;
  }

  /** Copies the rules the generated attacks trigger, the helpers they use and one scheduled query with its rule. */
  private static Path pack(Path builtin) throws IOException {
    Path pack = TestLake.newDirectory("runbooks-pack");
    for (String dir : List.of("global_helpers", "data_models", "queries/aws_queries")) {
      TestFiles.copyTree(builtin.resolve(dir), pack.resolve(dir));
    }
    for (String rule : List.of("aws_console_sign_in_failures", "aws_console_root_sign_in")) {
      for (String ext : List.of(".yml", ".py")) {
        Path target = pack.resolve("rules/" + rule + ext);
        Files.createDirectories(target.getParent());
        Files.copy(builtin.resolve("rules/aws_cloudtrail_identity/" + rule + ext), target);
      }
    }
    return pack;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void populate(Instant start) throws Exception {
    tarn("ingest", "--once");
    startAlertsService();
    int refused = freePort();
    JsonNode destination = alerts.call("POST", "/api/v1/destinations", "{\"name\":\"runbooks-hook\","
        + "\"type\":\"customwebhook\",\"settings\":{\"webhookURL\":\"http://127.0.0.1:" + refused + "/hook\"},"
        + "\"defaultSeverities\":[\"INFO\",\"LOW\",\"MEDIUM\",\"HIGH\",\"CRITICAL\"],\"allowPrivateNetwork\":true}");
    tarn("detect", "--once");
    tarn("scheduled", "--once");
    String deliveryId = awaitDeadLetter();

    Instant end = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    variables.put("SOURCE_ID", SOURCE_ID);
    variables.put("LOG_TYPE", "AWS.CloudTrail");
    variables.put("TABLE", TABLE);
    variables.put("DATE", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
    variables.put("FROM", start.toString());
    variables.put("TO", end.toString());
    variables.put("PREFIX", TABLE);
    variables.put("RULE_ID", "AWS.Console.RootSignIn");
    variables.put("AWS_REGION", "us-east-1");
    variables.put("ALERTS_URL", alertsUrl);
    variables.put("TOKEN", TOKEN);
    variables.put("DESTINATION_ID", destination.get("id").asText());
    variables.put("DELIVERY_ID", deliveryId);
    SparkSession spark = TarnSpark.session(new Lake(TestLake.lake().root()), "runbooks-fixture");
    try {
      variables.put("RUN_ID", spark.sql("SELECT max_by(run_id, finished) FROM tarn_system.job_runs"
          + " WHERE job = 'ingest'").first().getString(0));
      variables.put("VERSION", String.valueOf(spark.sql("DESCRIBE HISTORY panther_logs." + TABLE)
          .selectExpr("max(version)").first().getLong(0)));
      Row ip = spark.sql("SELECT sourceIPAddress FROM panther_logs." + TABLE + " WHERE sourceIPAddress LIKE '%.%'"
          + " LIMIT 1").first();
      variables.put("IP", ip.getString(0));
    } finally {
      spark.stop();
    }
  }

  /** The first dead letter: the destination refuses connections and a delivery gets one attempt. */
  private String awaitDeadLetter() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode dead = alerts.call("GET", "/api/v1/deliveries?status=DEAD", null).get("deliveries");
      if (dead.size() > 0) {
        return dead.get(0).get("id").asText();
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no dead-lettered delivery within 90 s; alerts service output:\n" + alerts.tail());
  }

  /** Runs a tarn command in this JVM for the fixture; it must exit 0. */
  void tarn(String... args) {
    String[] withConfig = Stream.concat(Stream.of(args), Stream.of("--config", config.toString()))
        .toArray(String[]::new);
    int code = TarnCli.execute(withConfig);
    if (code != 0) {
      throw new AssertionError("fixture command tarn " + String.join(" ", args) + " exited with " + code);
    }
  }

  /** (Re)starts {@code tarn alerts-service} with the fixture's config, as the document's restart does. */
  void startAlertsService() throws IOException, InterruptedException {
    if (alerts != null) {
      alerts.close();
    }
    alertsStarts++;
    alerts = AlertsServiceChild.start(repo, List.of("serve", "--config", config.toString()), alertsUrl, TOKEN,
        logs.resolve("runbooks-alerts-service-" + alertsStarts + ".log"));
  }

  Map<String, String> variables() {
    return Map.copyOf(variables);
  }

  @Override
  public void close() throws InterruptedException {
    if (alerts != null) {
      alerts.close();
    }
  }
}
