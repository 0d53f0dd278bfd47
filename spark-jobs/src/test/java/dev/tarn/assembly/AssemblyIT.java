package dev.tarn.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TarnProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable assembly holds Tarn and its small libraries but none of the classes a Spark cluster provides, and
 * its main class runs with the assembly plus Spark's jars on the classpath, as spark-submit would run it.
 */
class AssemblyIT {
  /** Libraries the assembly carries itself: the test classpath's copies must not stand in for them. */
  private static final List<String> OWN_LIBRARIES = List.of("/dev/tarn/", "picocli", "snakeyaml-engine", "junit",
      "assertj", "/org/graalvm/", "/org/python/", "/com/h2database/", "/software/amazon/", "/com/cronutils/",
      "DynamoDBLocal", "sqlite4java", "/com/amazon/deequ/");
  private static final List<String> PROVIDED_PREFIXES =
      List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "io/delta/", "org/apache/hive/",
          "com/fasterxml/jackson/");
  /**
   * Under those prefixes but not on clusters, so the assembly carries them: Delta Kernel (tarn search's local engine;
   * clusters provide Delta for Spark, not Kernel) and Kernel's Jackson module for Java 8 types (Spark has only JSR-310).
   */
  private static final List<String> CARRIED_PREFIXES =
      List.of("io/delta/kernel/", "com/fasterxml/jackson/datatype/jdk8/");

  @Test
  void holdsNoClassesTheClusterProvides() throws IOException {
    try (JarFile jar = new JarFile(assembly().toFile())) {
      Set<String> deequ = deequEntries();
      List<String> provided = jar.stream().map(e -> e.getName())
          .filter(name -> PROVIDED_PREFIXES.stream().anyMatch(name::startsWith))
          .filter(name -> !deequ.contains(name) && !name.endsWith("/"))
          .filter(name -> CARRIED_PREFIXES.stream().noneMatch(name::startsWith)).limit(10).toList();
      assertThat(provided).isEmpty();
      assertThat(jar.getEntry("io/delta/kernel/Table.class")).isNotNull();
      // Deequ itself is not on clusters: the assembly carries it (and the classes it puts in Spark's packages).
      assertThat(jar.getEntry("com/amazon/deequ/VerificationSuite.class")).isNotNull();
      assertThat(jar.getEntry("org/apache/spark/sql/DeequFunctions.class")).isNotNull();
      assertThat(jar.getEntry("dev/tarn/cli/TarnCli.class")).isNotNull();
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
      assertThat(jar.getEntry("logtypes/aws.yml")).isNotNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.tarn.cli.TarnCli");
    }
  }

  /** Deequ's own entries: some are in org/apache/spark/sql (Deequ uses Spark's package-private API). */
  private static Set<String> deequEntries() throws IOException {
    String deequJar = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.contains("/com/amazon/deequ/")).findFirst()
        .orElseThrow(() -> new AssertionError("Deequ is not on the test classpath"));
    try (JarFile jar = new JarFile(deequJar)) {
      return jar.stream().map(e -> e.getName()).collect(Collectors.toSet());
    }
  }

  @Test
  void runsWithSparksJarsOnTheClasspath(@TempDir Path work) throws Exception {
    String output = runAssembly(work, "sql", "--lake", work.resolve("lake").toString(), "--format", "csv",
        "select 40 + 2 as answer");
    assertThat(output).contains("answer\n42\n");
  }

  @Test
  void runsPythonDetectionsFromTheAssembly(@TempDir Path work) throws Exception {
    Path pack = work.resolve("pack");
    Files.createDirectories(pack);
    Files.writeString(pack.resolve("r.py"), "def rule(event):\n    return event.get('eventName') == 'X'\n");
    Files.writeString(pack.resolve("r.yml"), """
        AnalysisType: rule
        RuleID: Assembly.Test
        Filename: r.py
        Enabled: true
        LogTypes: [AWS.CloudTrail]
        Severity: Low
        Tests:
          - Name: match
            ExpectedResult: true
            Log: {eventName: X}
          - Name: no match
            ExpectedResult: false
            Log: {eventName: Y}
        """);
    String output = runAssembly(work, "test", pack.toString());
    assertThat(output).contains("Passed: 1");
  }

  /** Runs the CLI from the assembly with only the cluster's jars (Spark, Hadoop, Delta, Scala, Jackson) besides. */
  private static String runAssembly(Path work, String... args) throws Exception {
    String sparkJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> OWN_LIBRARIES.stream().noneMatch(entry::contains))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(TarnProcess.sparkFlags());
    command.addAll(List.of("-cp", assembly() + File.pathSeparator + sparkJars, "dev.tarn.cli.TarnCli"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("out.txt").toFile());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = builder.start();
    boolean done = process.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(work.resolve("out.txt"));
    assertThat(done).as("finished in time; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
    return output;
  }

  private static Path assembly() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().endsWith("-assembly.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no *-assembly.jar in target/: run the package phase first"))
          .toAbsolutePath();
    }
  }
}
