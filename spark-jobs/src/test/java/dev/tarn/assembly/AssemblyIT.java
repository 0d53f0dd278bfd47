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
  private static final List<String> PROVIDED_PREFIXES =
      List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "io/delta/", "org/apache/hive/",
          "com/fasterxml/jackson/");

  @Test
  void holdsNoClassesTheClusterProvides() throws IOException {
    try (JarFile jar = new JarFile(assembly().toFile())) {
      List<String> provided = jar.stream().map(e -> e.getName())
          .filter(name -> PROVIDED_PREFIXES.stream().anyMatch(name::startsWith)).limit(10).toList();
      assertThat(provided).isEmpty();
      assertThat(jar.getEntry("dev/tarn/cli/TarnCli.class")).isNotNull();
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
      assertThat(jar.getEntry("logtypes/aws.yml")).isNotNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("dev.tarn.cli.TarnCli");
    }
  }

  @Test
  void runsWithSparksJarsOnTheClasspath(@TempDir Path work) throws Exception {
    // Spark's jars: the test classpath minus Tarn's own classes and the libraries the assembly must carry itself.
    String sparkJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> !entry.contains("/dev/tarn/") && !entry.contains("picocli")
            && !entry.contains("snakeyaml-engine") && !entry.contains("junit") && !entry.contains("assertj"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.addAll(TarnProcess.sparkFlags());
    command.addAll(List.of("-cp", assembly() + File.pathSeparator + sparkJars, "dev.tarn.cli.TarnCli",
        "sql", "--lake", work.resolve("lake").toString(), "--format", "csv",
        "select 40 + 2 as answer"));
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
    assertThat(output).contains("answer\n42\n");
  }

  private static Path assembly() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().endsWith("-assembly.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("no *-assembly.jar in target/: run the package phase first"))
          .toAbsolutePath();
    }
  }
}
