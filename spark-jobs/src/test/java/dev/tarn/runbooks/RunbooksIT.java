package dev.tarn.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.alerts.service.AlertsMain;
import dev.tarn.cli.TarnCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of docs/runbooks.md runs, in document order, against a small lake ({@link RunbookLake}) and exits 0
 * (long-running ones start, make progress and are stopped). The document's variables are bound to the fixture's
 * values; an unknown variable or a command this test cannot run fails it, so the document and the test never drift.
 *
 * <p>An integration test (its own JVM, see the failsafe configuration): the {@code tarn} commands run in this JVM
 * through {@link TarnCli#execute}, and each stops its SparkSession when done, as the CLI does, which would break
 * the session the unit tests share.
 */
class RunbooksIT {
  private static final Path REPO = repositoryRoot();
  private static final Duration LONG_RUNNING_TIMEOUT = Duration.ofMinutes(2);

  @Test
  void everyCommandOfTheRunbooksRunsAgainstASmallLake() throws Exception {
    // Glue on loopback, found by the AWS SDK through its standard endpoint setting, with dummy credentials.
    try (var glue = new dev.tarn.glue.FakeGlue(100)) {
      System.setProperty("aws.endpointUrlGlue", glue.endpoint().toString());
      System.setProperty("aws.accessKeyId", "runbooks");
      System.setProperty("aws.secretAccessKey", "runbooks");
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
      try (RunbookLake lake = RunbookLake.build(REPO, start)) {
        List<RunbookCommand> commands = RunbookCommands.extract(
            Files.readString(REPO.resolve("docs/runbooks.md")), lake.variables());
        assertThat(commands).as("commands of docs/runbooks.md").hasSizeGreaterThan(20);
        List<String> failures = new ArrayList<>();
        for (RunbookCommand command : commands) {
          long started = System.nanoTime();
          String failure = run(lake, command);
          System.out.printf("runbooks: line %d took %.1f s%n", command.line(), (System.nanoTime() - started) / 1e9);
          if (failure != null) {
            failures.add(command + "\n  " + failure);
          }
        }
        assertThat(failures).as("failed runbook commands").isEmpty();
      }
    }
  }

  /** Runs one command; returns why it failed, or null. */
  private static String run(RunbookLake lake, RunbookCommand command) throws Exception {
    System.out.println("runbooks: " + command);
    List<String> args = new ArrayList<>(command.arguments());
    if (command.program().equals("curl")) {
      return curl(command);
    }
    if (!command.program().equals("./tarn") || args.isEmpty()) {
      return "the test runs only ./tarn and curl commands";
    }
    // Paths in the document are relative to the repository root, where ./tarn runs; this JVM runs in spark-jobs/.
    args.replaceAll(a -> !a.startsWith("-") && a.contains("/") && Files.isRegularFile(REPO.resolve(a))
        ? REPO.resolve(a).toString() : a);
    args.addAll(List.of("--config", lake.config.toString()));
    if (args.get(0).equals("alerts-service")) {
      if (!command.runsUntilStopped()) {
        return "tarn alerts-service runs until stopped; mark it so";
      }
      lake.startAlertsService();
      return null;
    }
    if (command.runsUntilStopped()) {
      return runUntilProgress(args);
    }
    Captured captured = capture(() -> args.get(0).equals("alerts")
        ? new CommandLine(new AlertsMain()).execute(args.subList(1, args.size()).toArray(String[]::new))
        : TarnCli.execute(args.toArray(String[]::new)));
    return captured.code == 0 ? null : "exited with " + captured.code + ":\n" + captured.tail();
  }

  private static String curl(RunbookCommand command) throws IOException, InterruptedException {
    List<String> words = new ArrayList<>(command.words());
    words.addAll(1, List.of("--max-time", "30"));
    Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return "did not finish within 60 s";
    }
    String text = new String(output, StandardCharsets.UTF_8);
    System.out.println(text.substring(0, Math.min(text.length(), 2000)));
    return process.exitValue() == 0 ? null : "exited with " + process.exitValue() + ": " + text;
  }

  /**
   * A long-running tarn command (continuous ingest or detection): it runs in a thread until its streaming queries
   * have made progress, then is stopped (its queries; the thread is interrupted if it restarts them).
   */
  private static String runUntilProgress(List<String> args) throws InterruptedException {
    int[] code = {-1};
    Thread thread = new Thread(() -> code[0] = TarnCli.execute(args.toArray(String[]::new)), "runbooks-long-running");
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + LONG_RUNNING_TIMEOUT.toNanos();
    boolean progressed = false;
    while (!progressed && thread.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(500);
      SparkSession spark = SparkSession.getDefaultSession().getOrElse(() -> null);
      if (spark != null && !spark.sparkContext().isStopped()) {
        StreamingQuery[] active = spark.streams().active();
        progressed = active.length > 0 && java.util.Arrays.stream(active).allMatch(q -> q.lastProgress() != null);
      }
    }
    if (!thread.isAlive()) {
      return "exited with " + code[0] + " instead of running until stopped";
    }
    SparkSession spark = SparkSession.getDefaultSession().getOrElse(() -> null);
    if (spark != null) {
      for (StreamingQuery q : spark.streams().active()) {
        try {
          q.stop();
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
          // Stopping one query ends ingest, which stops its session: the other queries are then stopped already.
          if (!spark.sparkContext().isStopped()) {
            return "its streaming query did not stop: " + e;
          }
        }
      }
      // Continuous detection restarts stopped queries; interrupting its wait ends it (its session is then stopped),
      // as Ctrl-C ends the process.
      thread.join(10_000);
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    thread.join(60_000);
    if (thread.isAlive()) {
      return "still running 60 s after it was stopped";
    }
    return progressed ? null : "made no streaming progress within " + LONG_RUNNING_TIMEOUT;
  }

  /** The command's exit code and the tail of what it printed (also echoed to the test output). */
  private record Captured(int code, String output) {
    String tail() {
      return output.substring(Math.max(0, output.length() - 3000));
    }
  }

  private interface ExitCode {
    int run() throws Exception;
  }

  private static Captured capture(ExitCode action) throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(new Tee(bytes, out), true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      return new Captured(action.run(), bytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
      a.write(data, off, len);
      b.write(data, off, len);
    }
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tarn")) && Files.isDirectory(dir.resolve("spark-jobs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no tarn launcher in " + Path.of("").toAbsolutePath() + " or its parents");
  }
}
