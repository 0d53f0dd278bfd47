package dev.tarn.testing;

import static java.util.Objects.requireNonNull;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An S3 endpoint on loopback for tests: S3Proxy with a filesystem blobstore, run as a child JVM from the classpath
 * the {@code s3proxy-server} module writes (S3Proxy's Jetty 12, Guava 33 and Jackson 3 must stay off Spark's
 * classpath). Path-style, plain HTTP, one fixed test key pair. Its output goes to
 * {@code spark-jobs/target/it-logs/s3proxy-<port>.log}; startup is bounded and fails with the tail of that output.
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.start(dir)) {
 *   s3.createBucket("lake");
 *   s3.s3aSettings().forEach(spark.sparkContext().hadoopConfiguration()::set);
 * }
 * }</pre>
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "tarn-test-access-key";
  public static final String SECRET_KEY = "tarn-test-secret-key";
  /** The region S3A and the SDK sign requests for (S3Proxy's filesystem blobstore has no regions). */
  public static final String REGION = "us-east-1";

  private static final String LOOPBACK = "127.0.0.1";
  /** S3Proxy starts in 1-2 s alone; allow for a busy 2-core machine. */
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final int TAIL_CHARS = 6000;

  private final Process process;
  private final int port;
  private final Path output;

  private S3ProxyServer(Process process, int port, Path output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /**
   * Starts S3Proxy on a free loopback port, keeping its buckets under {@code directory}, and returns once it accepts
   * connections.
   */
  public static S3ProxyServer start(Path directory) throws IOException, InterruptedException {
    requireNonNull(directory, "directory is null");
    Path repository = repositoryRoot();
    String classpath = s3ProxyClasspath(repository);
    Path blobs = Files.createDirectories(directory.resolve("blobs")).toAbsolutePath();
    int port = freePort();
    Path properties = directory.resolve("s3proxy.properties");
    Files.writeString(properties, String.join("\n",
        "s3proxy.endpoint=http://" + LOOPBACK + ":" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=filesystem",
        "jclouds.filesystem.basedir=" + blobs,
        ""));

    // S3Proxy ships no logging configuration, and logback's default logs every request at DEBUG (77 MB per run).
    Path logging = directory.resolve("logback.xml");
    Files.writeString(logging, """
        <configuration>
          <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
          </appender>
          <logger name="org.gaul.shaded" level="WARN"/>
          <root level="INFO"><appender-ref ref="console"/></root>
        </configuration>
        """);

    Path logs = Files.createDirectories(repository.resolve("spark-jobs/target/it-logs"));
    Path output = logs.resolve("s3proxy-" + port + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-Dlogback.configurationFile=" + logging.toAbsolutePath(), "-cp", classpath,
        "org.gaul.s3proxy.Main", "--properties", properties.toString());
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
    S3ProxyServer server = new S3ProxyServer(process, port, output);
    try {
      server.awaitListening();
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://" + LOOPBACK + ":" + port;
  }

  /** Creates a bucket with the AWS SDK v1 (the one hadoop-aws uses); S3A itself cannot create buckets. */
  public void createBucket(String name) {
    AmazonS3 client = AmazonS3ClientBuilder.standard()
        .withEndpointConfiguration(new EndpointConfiguration(endpoint(), REGION))
        .withPathStyleAccessEnabled(true)
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(ACCESS_KEY, SECRET_KEY)))
        .build();
    try {
      client.createBucket(name);
    } finally {
      client.shutdown();
    }
  }

  /**
   * The Hadoop settings that point S3A at this server. Retries are few and timeouts short, so a test whose server is
   * gone fails in seconds instead of retrying for minutes.
   */
  public Map<String, String> s3aSettings() {
    return Map.of(
        "fs.s3a.endpoint", endpoint(),
        "fs.s3a.endpoint.region", REGION,
        "fs.s3a.path.style.access", "true",
        "fs.s3a.connection.ssl.enabled", "false",
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.access.key", ACCESS_KEY,
        "fs.s3a.secret.key", SECRET_KEY,
        "fs.s3a.attempts.maximum", "2",
        "fs.s3a.retry.limit", "2",
        "fs.s3a.connection.establish.timeout", "5000");
  }

  /** The last few thousand characters of S3Proxy's output, for failure messages. */
  public String tail() {
    return OutputTail.of(output, TAIL_CHARS);
  }

  /** Stops S3Proxy (killing it if it has not exited 10 s after being asked to) and waits until it is gone. */
  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("S3Proxy (pid " + process.pid() + ") still runs 30 s after being killed");
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!accepts()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited with code " + process.exitValue() + " before listening on "
            + endpoint() + "; output (" + output + "):\n" + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not listen on " + endpoint() + " within " + STARTUP
            + "; output (" + output + "):\n" + tail());
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String s3ProxyClasspath(Path repository) throws IOException {
    Path file = repository.resolve("s3proxy-server/target/s3proxy.classpath");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("No S3Proxy classpath at " + file + ": build the s3proxy-server module first "
          + "(./mvnw -B install -DskipTests, or run spark-jobs with -am)");
    }
    String classpath = Files.readString(file).strip();
    if (classpath.isEmpty()) {
      throw new IllegalStateException("The S3Proxy classpath in " + file + " is empty; rebuild s3proxy-server");
    }
    return classpath;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  /** The directory holding the modules; tests run in a module directory. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("s3proxy-server")) && Files.isDirectory(dir.resolve("spark-jobs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No s3proxy-server module in " + Path.of("").toAbsolutePath()
        + " or its parents");
  }
}
