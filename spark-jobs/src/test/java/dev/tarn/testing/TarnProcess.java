package dev.tarn.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The {@code tarn} CLI in a child JVM, started as the {@code tarn} launcher starts it (the test JVM's classpath,
 * Spark's flags for Java 17, the CLI's logging), so a test can kill it outright (no shutdown hook runs) or give it
 * a small heap. Its output goes to {@code target/it-logs/<name>.log}; every wait is bounded and fails with the tail
 * of that output.
 *
 * <pre>{@code
 * try (TarnProcess tarn = TarnProcess.builder("ingest-run-1").heap("1g").workDirectory(dir)
 *     .start("ingest", "--once", "--lake", lake.toString())) {
 *   assertThat(tarn.awaitExit(Duration.ofMinutes(2))).isZero();
 * }
 * }</pre>
 */
public final class TarnProcess implements AutoCloseable {
  private static final Path REPO = repositoryRoot();
  private static final Duration POLL = Duration.ofMillis(25);
  private static final int TAIL_CHARS = 6000;

  private final String name;
  private final Process process;
  private final Path output;

  private TarnProcess(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Where the child's stdout and stderr go. */
  public Path output() {
    return output;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for the child to exit and returns its exit code; a child still running after {@code timeout} is killed and
   * the test fails.
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(name + " did not finish within " + timeout + " and was killed; output:\n" + tail());
    }
    return process.exitValue();
  }

  /**
   * Waits, while the child runs, until {@code condition} holds. Fails when the child exits first or the condition
   * does not hold within {@code timeout} (the child is then killed).
   */
  public void awaitCondition(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with code " + process.exitValue() + " before " + what
            + "; output:\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        kill();
        throw new AssertionError(name + " timed out after " + timeout + " waiting for " + what + "; output:\n"
            + tail());
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Kills the child at once, as a crash or {@code kill -9} would, and waits until it is gone.
   *
   * @return whether it was still running (false if it had already exited)
   */
  public boolean kill() throws InterruptedException {
    boolean running = process.isAlive();
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError(name + " (pid " + process.pid() + ") is still running 30 s after being killed");
    }
    return running;
  }

  /** The last few thousand characters of the child's output, for failure messages. */
  public String tail() {
    return OutputTail.of(output, TAIL_CHARS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  /** The directory holding the {@code tarn} launcher and the modules; tests run in a module directory. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("tarn")) && Files.isDirectory(dir.resolve("spark-jobs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No tarn launcher in " + Path.of("").toAbsolutePath() + " or its parents");
  }

  /** The flags Spark needs on Java 17, read from the launcher so there is one list to maintain. */
  public static List<String> sparkFlags() {
    List<String> flags = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(REPO.resolve("tarn"))) {
        String flag = line.strip();
        if (flag.startsWith("--add-opens=") || flag.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
            || flag.startsWith("-Djdk.reflect.")) {
          flags.add(flag);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (flags.size() < 10) {
      throw new IllegalStateException("Expected Spark's --add-opens flags in " + REPO.resolve("tarn") + ", found "
          + flags);
    }
    return flags;
  }

  /** What to start: heap, extra JVM options and the working directory; the arguments are given to start. */
  public static final class Builder {
    private final String name;
    private String heap = "1g";
    private final List<String> jvmOptions = new ArrayList<>();
    private Path workDirectory;

    private Builder(String name) {
      this.name = requireNonNull(name, "name is null");
    }

    /** Maximum heap, as for {@code -Xmx} (default 1g). */
    public Builder heap(String heap) {
      this.heap = requireNonNull(heap, "heap is null");
      return this;
    }

    public Builder jvmOption(String option) {
      jvmOptions.add(requireNonNull(option, "option is null"));
      return this;
    }

    /**
     * The child's working directory. Set it to a test directory: the CLI reads {@code ./tarn.yaml} from there.
     */
    public Builder workDirectory(Path directory) {
      this.workDirectory = requireNonNull(directory, "directory is null");
      return this;
    }

    /** Starts {@code tarn <args>}. */
    public TarnProcess start(String... args) throws IOException {
      if (workDirectory == null) {
        throw new IllegalStateException("No working directory for " + name + " (set workDirectory)");
      }
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx" + heap);
      command.addAll(sparkFlags());
      command.add("-Dlog4j2.configurationFile=" + REPO.resolve("spark-jobs/conf/log4j2.properties"));
      command.addAll(jvmOptions);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("dev.tarn.cli.TarnCli");
      command.addAll(List.of(args));

      Path logs = REPO.resolve("spark-jobs/target/it-logs");
      Files.createDirectories(logs);
      Path output = logs.resolve(name + ".log");
      Files.writeString(output, String.join(" ", command.subList(command.size() - args.length - 1,
          command.size())) + "\n");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
      // The test environment must not configure the child: only its arguments do.
      builder.environment().keySet().removeIf(key -> key.startsWith("TARN_"));
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      return new TarnProcess(name, builder.start(), output);
    }
  }
}
