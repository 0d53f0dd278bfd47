package dev.tarn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the alerts service's command line in its own JVM — it must not share Spark's classpath — from the build
 * under {@code TARN_HOME} (what {@code ./tarn alerts ...} runs), with this process's output.
 */
final class AlertsProcess {
  private AlertsProcess() {}

  static int run(List<String> args) throws IOException, InterruptedException {
    Path home = Path.of(System.getenv().getOrDefault("TARN_HOME", "."));
    Path target = home.resolve("alerts-service/target");
    Path classpath = target.resolve("classpath.txt");
    Path jar;
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      jar = files.filter(p -> p.getFileName().toString().matches("tarn-alerts-service-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst().orElse(null);
    }
    if (jar == null || !Files.exists(classpath)) {
      System.err.println("The alerts service is not built under " + target + " (run ./mvnw -DskipTests install, or "
          + "use ./tarn, which builds it)");
      return 2;
    }
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx512m", "-cp",
        jar + java.io.File.pathSeparator + Files.readString(classpath).trim(), "dev.tarn.alerts.service.AlertsMain"));
    command.addAll(args);
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }
}
