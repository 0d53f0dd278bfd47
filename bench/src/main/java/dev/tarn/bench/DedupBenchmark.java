package dev.tarn.bench;

import dev.tarn.alerts.dedup.AlertWriter;
import dev.tarn.alerts.dedup.DedupSettings;
import dev.tarn.alerts.delivery.DestinationConfig;
import dev.tarn.alerts.delivery.DestinationType;
import dev.tarn.alerts.findings.Finding;
import dev.tarn.alerts.findings.FindingKind;
import dev.tarn.alerts.secrets.SecretBox;
import dev.tarn.alerts.store.Database;
import dev.tarn.alerts.store.DestinationStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Dedup throughput: matches per second turned into alerts, with {@code --keys} distinct dedup keys, on the alerts
 * service's database (H2 file by default, or PostgreSQL). Tarn applies each table-version batch in one transaction
 * (what its consumer does); the baseline applies the same matches at Panther's granularity — one conditional
 * read-modify-write per (rule, dedup) group of each batch, as its DynamoDB UpdateItem per group does — through the
 * same dedup code, so both produce the same alerts (checked) and only the write strategy differs.
 */
@Command(name = "dedup-benchmark", mixinStandardHelpOptions = true)
public final class DedupBenchmark implements Callable<Integer> {
  @Option(names = "--matches", defaultValue = "200000") int matches;
  @Option(names = "--keys", defaultValue = "1000") int keys;
  @Option(names = "--batch", defaultValue = "10000", description = "matches per table-version batch") int batch;
  @Option(names = "--rounds", defaultValue = "3") int rounds;
  @Option(names = "--db", defaultValue = "h2", description = "h2 or a jdbc:postgresql:// URL") String db;
  @Option(names = "--db-user", defaultValue = "tarn") String dbUser;
  @Option(names = "--db-password", defaultValue = "tarn") String dbPassword;
  @Option(names = "--work", defaultValue = "bench/target/work/dedup") Path work;

  public static void main(String[] args) {
    System.exit(new CommandLine(new DedupBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<Finding> all = generate();
    System.out.printf(Locale.ROOT, "dedup: %,d matches, %,d dedup keys, batches of %,d, database %s%n", matches, keys,
        batch, db.equals("h2") ? "H2 (file)" : Database.redact(db));
    run("warm-up", all.subList(0, Math.min(all.size(), 20_000)), false);
    run("warm-up", all.subList(0, Math.min(all.size(), 20_000)), true);
    List<double[]> ratios = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      Result base = run("baseline (per dedup group)", all, false);
      Result tarn = run("tarn (per batch)", all, true);
      if (!base.alerts().equals(tarn.alerts())) {
        throw new IllegalStateException("The two paths produced different alerts: " + base.alerts().size() + " vs "
            + tarn.alerts().size());
      }
      System.out.printf(Locale.ROOT, "round %d:%n  %s%n  %s%n  ratio %.2f%n", r, base.row(), tarn.row(),
          tarn.perSecond() / base.perSecond());
      ratios.add(new double[] {tarn.perSecond(), base.perSecond()});
    }
    ratios.sort((a, b) -> Double.compare(a[0] / a[1], b[0] / b[1]));
    double[] median = ratios.get(ratios.size() / 2);
    System.out.printf(Locale.ROOT, "median: tarn %,.0f matches/s, baseline %,.0f matches/s, ratio %.2f (target: >= "
        + "20,000 matches/s)%n", median[0], median[1], median[0] / median[1]);
    return 0;
  }

  private record Result(String path, long matches, long nanos, long heapBytes, Map<String, Long> alerts) {
    double perSecond() {
      return matches / (nanos / 1e9);
    }

    String row() {
      return String.format(Locale.ROOT, "%-28s %,10d matches %7.2f s %,10.0f matches/s  %,6d alerts  heap %,.0f MB",
          path, matches, nanos / 1e9, perSecond(), alerts.size(), heapBytes / 1048576.0);
    }
  }

  private Result run(String path, List<Finding> findings, boolean perBatch) throws Exception {
    try (Database database = open()) {
      DestinationStore destinations = new DestinationStore(database, new SecretBox(new byte[32]),
          Clock.system(ZoneOffset.UTC));
      destinations.create(new DestinationConfig("d1", "oncall", DestinationType.CUSTOMWEBHOOK, Map.of(),
          Map.of("webhookURL", "https://hooks.example.com/tarn"), List.of("HIGH"), List.of(), false));
      AlertWriter writer = new AlertWriter(DedupSettings.PANTHER, destinations);
      System.gc();
      resetPeaks();
      long start = System.nanoTime();
      for (int from = 0; from < findings.size(); from += batch) {
        List<Finding> b = findings.subList(from, Math.min(findings.size(), from + batch));
        Instant now = Instant.now();
        if (perBatch) {
          database.inTransaction(c -> writer.apply(c, b, now));
        } else {
          Map<String, List<Finding>> groups = new LinkedHashMap<>();
          for (Finding f : b) {
            groups.computeIfAbsent(f.ruleId() + ":" + f.dedup(), k -> new ArrayList<>()).add(f);
          }
          for (List<Finding> group : groups.values()) {
            database.inTransaction(c -> writer.apply(c, group, now));
          }
        }
      }
      long nanos = System.nanoTime() - start;
      long heap = peakHeap();
      Map<String, Long> alerts = database.inTransaction(c -> {
        Map<String, Long> out = new LinkedHashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, event_count FROM alerts ORDER BY id")) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
        return out;
      });
      return new Result(path, findings.size(), nanos, heap, alerts);
    }
  }

  private Database open() throws Exception {
    if (db.equals("h2")) {
      Files.createDirectories(work);
      Path file = work.resolve("alerts-" + UUID.randomUUID());
      return Database.open("jdbc:h2:file:" + file.toAbsolutePath(), null, null);
    }
    String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (var c = java.sql.DriverManager.getConnection(db, dbUser, dbPassword)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    }
    return Database.open(db + (db.contains("?") ? "&" : "?") + "currentSchema=" + schema, dbUser, dbPassword);
  }

  /** Matches spread over {@code keys} dedup keys of 50 rules, 10 ms apart in detection time (15-minute windows). */
  private List<Finding> generate() {
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    List<Finding> out = new ArrayList<>(matches);
    for (int i = 0; i < matches; i++) {
      int key = (int) ((i * 2654435761L) % keys);
      Instant t = t0.plusMillis(i * 10L);
      String rule = "Bench.Rule." + (key % 50);
      out.add(new Finding("panther_rule_matches.aws_cloudtrail", FindingKind.MATCH, "m" + i, rule, "1", rule, t, t,
          LocalDate.ofInstant(t, ZoneOffset.UTC), "AWS.CloudTrail", "Suspicious activity " + key, "dedup-" + key,
          "HIGH", "{\"key\":" + key + "}", "description", "reference", "runbook", null, List.of("bench"), Map.of(),
          List.of(), 15, 1, true, null));
    }
    return out;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
