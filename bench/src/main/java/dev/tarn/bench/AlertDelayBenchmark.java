package dev.tarn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tarn.detect.job.FindingColumns;
import dev.tarn.lake.Lake;
import dev.tarn.lake.TarnSpark;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Delivery delay: Spark commits findings (as the detect job does) while the alerts service runs as its own process
 * (the runnable jar, with a small heap); a local webhook sink records when each alert arrives. Prints the delay from
 * the alert's creation — the poll that saw its findings — to its delivery (target: p95 ≤ 2 s), the delay from the
 * findings' commit (which adds up to one poll interval), and the service's peak heap. There is no baseline path:
 * Panther's equivalent runs through DynamoDB streams, SQS and Lambdas, which do not exist here.
 */
@Command(name = "alert-delay-benchmark", mixinStandardHelpOptions = true)
public final class AlertDelayBenchmark implements Callable<Integer> {
  private static final String ADMIN = "tarn_bench_admin_token_0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--commits", defaultValue = "30") int commits;
  @Option(names = "--alerts-per-commit", defaultValue = "50") int perCommit;
  @Option(names = "--matches-per-alert", defaultValue = "4") int matchesPerAlert;
  @Option(names = "--pause", defaultValue = "700", description = "milliseconds between commits") long pauseMillis;
  @Option(names = "--poll", defaultValue = "1s") String poll;
  @Option(names = "--service-heap", defaultValue = "256m") String serviceHeap;
  @Option(names = "--work", defaultValue = "bench/target/work/alert-delay") Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AlertDelayBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Directories.delete(work);
    Path lakeDir = work.resolve("lake");
    Files.createDirectories(lakeDir);
    Lake lake = new Lake(lakeDir.toAbsolutePath().toString());
    SparkSession spark = TarnSpark.session(lake, "alert-delay-benchmark");
    String table = lake.tablePath(FindingColumns.MATCHES_DB, "bench_events");
    StructType event = new StructType()
        .add("eventName", DataTypes.StringType)
        .add("p_log_type", DataTypes.StringType)
        .add("p_event_time", DataTypes.TimestampType)
        .add("p_date", DataTypes.DateType);
    StructType schema = FindingColumns.findingsType(event);
    spark.createDataFrame(List.of(), schema).write().format("delta").partitionBy("p_date").save(table);

    Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    sink.createContext("/alerts", exchange -> {
      long now = System.currentTimeMillis();
      JsonNode n = JSON.readTree(exchange.getRequestBody().readAllBytes());
      receivedAt.putIfAbsent(n.path("alertId").asText(), now);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    sink.start();
    int port = freePort();
    String api = "http://127.0.0.1:" + port;
    Process service = startService(lakeDir, port);
    AtomicLong peakHeap = new AtomicLong();
    Thread heapWatch = new Thread(() -> watchHeap(api, peakHeap), "heap-watch");
    try {
      awaitHealthy(api);
      heapWatch.setDaemon(true);
      heapWatch.start();
      HttpResponse<String> dest = call("POST", api + "/api/v1/destinations", Map.of("name", "bench-sink",
          "type", "customwebhook", "settings", Map.of("webhookURL",
              "http://127.0.0.1:" + sink.getAddress().getPort() + "/alerts"),
          "defaultSeverities", List.of("HIGH"), "allowPrivateNetwork", true));
      if (dest.statusCode() != 201) {
        throw new IllegalStateException("Creating the destination failed: " + dest.body());
      }
      Map<String, Long> committedAt = new ConcurrentHashMap<>();
      int expected = commits * perCommit;
      System.out.printf(Locale.ROOT, "alert delay: %d commits of %d new alerts x %d matches, %d ms apart; service "
          + "poll %s, heap -Xmx%s%n", commits, perCommit, matchesPerAlert, pauseMillis, poll, serviceHeap);
      for (int c = 0; c < commits; c++) {
        List<Row> rows = new ArrayList<>();
        Instant t = Instant.now();
        for (int a = 0; a < perCommit; a++) {
          for (int m = 0; m < matchesPerAlert; m++) {
            rows.add(row(c, a, m, t));
          }
        }
        spark.createDataFrame(rows, schema).coalesce(1).write().format("delta").mode("append").save(table);
        long done = System.currentTimeMillis();
        for (int a = 0; a < perCommit; a++) {
          committedAt.put("dedup-" + c + "-" + a, done);
        }
        Thread.sleep(pauseMillis);
      }
      long deadline = System.currentTimeMillis() + 120_000;
      while (receivedAt.size() < expected && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      List<Long> afterPoll = new ArrayList<>();
      List<Long> afterCommit = new ArrayList<>();
      String cursor = null;
      do {
        JsonNode page = JSON.readTree(call("GET", api + "/api/v1/alerts?limit=100"
            + (cursor == null ? "" : "&cursor=" + cursor), null).body());
        for (JsonNode a : page.path("alerts")) {
          Long got = receivedAt.get(a.path("id").asText());
          if (got == null) {
            continue;
          }
          afterPoll.add(got - Instant.parse(a.path("createdAt").asText()).toEpochMilli());
          afterCommit.add(got - committedAt.get(a.path("dedup").asText()));
        }
        cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
      } while (cursor != null);
      Collections.sort(afterPoll);
      Collections.sort(afterCommit);
      System.out.printf(Locale.ROOT, "  delivered %d of %d alerts%n", receivedAt.size(), expected);
      System.out.printf(Locale.ROOT, "  after the poll that saw the findings: p50 %s  p95 %s  max %s  (target p95 <= 2 s)%n",
          ms(afterPoll, 0.5), ms(afterPoll, 0.95), ms(afterPoll, 1.0));
      System.out.printf(Locale.ROOT, "  after the findings' commit:           p50 %s  p95 %s  max %s%n",
          ms(afterCommit, 0.5), ms(afterCommit, 0.95), ms(afterCommit, 1.0));
      System.out.printf(Locale.ROOT, "  service peak heap used: %.0f MB (of -Xmx%s)%n", peakHeap.get() / 1048576.0,
          serviceHeap);
      return receivedAt.size() == expected ? 0 : 1;
    } finally {
      service.destroy();
      service.waitFor();
      sink.stop(0);
      spark.stop();
    }
  }

  private Row row(int commit, int alert, int match, Instant t) {
    Timestamp ts = Timestamp.from(t);
    return RowFactory.create("ConsoleLogin", "AWS.CloudTrail", ts, new Date(ts.getTime()),
        "Bench.Rule", "1", "m-" + commit + "-" + alert + "-" + match, ts, "Bench alert " + commit + "-" + alert,
        "dedup-" + commit + "-" + alert, "HIGH", null, "bench", null, null, null, "Bench rule",
        List.of("bench"), Map.of(), 60, 1, true, List.of(), null);
  }

  private Process startService(Path lakeDir, int port) throws IOException {
    Path target = Path.of("alerts-service/target");
    Path jar;
    try (Stream<Path> files = Files.list(target)) {
      jar = files.filter(p -> p.getFileName().toString().matches("tarn-alerts-service-.*-all\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("Build the alerts service first (./mvnw -DskipTests install)"));
    }
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + serviceHeap, "-jar", jar.toString(), "serve", "--lake", lakeDir.toAbsolutePath().toString(),
        "--set", "alerts.port=" + port, "--set", "alerts.pollInterval=" + poll,
        "--set", "alerts.deliveryInterval=100ms");
    pb.environment().put("TARN_ALERTS_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    pb.environment().put("TARN_ALERTS_ADMIN_TOKEN", ADMIN);
    pb.redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
    return pb.start();
  }

  private static void awaitHealthy(String api) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (call("GET", api + "/health", null).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The alerts service did not start; see its log under the work directory");
  }

  private static void watchHeap(String api, AtomicLong peak) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        long used = 0;
        for (String line : call("GET", api + "/metrics", null).body().split("\n")) {
          if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
            used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
        peak.accumulateAndGet(used, Math::max);
        Thread.sleep(200);
      } catch (IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static HttpResponse<String> call(String method, String url, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + ADMIN);
    b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
        : b.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String ms(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return "n/a";
    }
    int i = Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1);
    return String.format(Locale.ROOT, "%,d ms", sorted.get(Math.max(0, i)));
  }
}
