package dev.tarn.orchestration.dags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Airflow DAG files compile with python3 and check_dags.py finds in them the DAG ids, schedules and task
 * commands of tarn_jobs.py. Airflow is not installed: neither step imports it.
 */
class DagFilesTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path DAGS = MODULE.resolve("dags");
  private static final Path CHECKER = MODULE.resolve("check_dags.py");

  record Result(int exitCode, String output) {}

  @Test
  void everyDagFileCompiles() throws Exception {
    List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile", CHECKER.toString()));
    try (Stream<Path> files = Files.list(DAGS)) {
      files.filter(f -> f.toString().endsWith(".py")).sorted().forEach(f -> command.add(f.toString()));
    }
    assertThat(command).hasSizeGreaterThan(6);
    Result result = run(command);
    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void checkerFindsTheExpectedDagsSchedulesAndCommands() throws Exception {
    Result result = run(List.of("python3", CHECKER.toString(), DAGS.toString()));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("8 DAGs match tarn_jobs.py",
        "tarn_maintain    0 * * * *            tarn maintain",
        "tarn_health      */15 * * * *         tarn health",
        "tarn_quality     30 1 * * *           tarn quality",
        "tarn_backfill    None                 tarn backfill --source {{ params.source }}");
  }

  @Test
  void checkerFailsOnADagWhoseScheduleDriftedFromTheCatalog(@TempDir Path copy) throws Exception {
    try (Stream<Path> files = Files.list(DAGS)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".py")).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    Path maintain = copy.resolve("tarn_maintain_dag.py");
    String text = Files.readString(maintain, StandardCharsets.UTF_8);
    assertThat(text).contains("schedule=\"0 * * * *\"");
    Files.writeString(maintain, text.replace("schedule=\"0 * * * *\"", "schedule=\"30 * * * *\""));

    Result result = run(List.of("python3", CHECKER.toString(), copy.toString()));
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("tarn_maintain (tarn_maintain_dag.py): schedule '30 * * * *', expected '0 * * * *'");
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    // Byte code goes under target/, not next to the DAG files.
    pb.environment().put("PYTHONPYCACHEPREFIX", MODULE.resolve("target/pycache").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), output);
  }
}
