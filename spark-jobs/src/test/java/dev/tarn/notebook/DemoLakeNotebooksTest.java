package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every notebook in notebooks/ runs against a demo-like lake: all cells succeed, with rows where data exists. */
class DemoLakeNotebooksTest {
  static final Path NOTEBOOKS = Path.of("..", "notebooks").toAbsolutePath().normalize();
  static final Path REPORTS = Path.of("target", "notebook-reports").toAbsolutePath();

  /** Cells that are empty on a healthy demo lake: nothing failed, every file was readable. */
  private static final Set<String> EMPTY_WHEN_HEALTHY = Set.of(
      "pipeline_health.sql: Failed runs", "pipeline_health.sql: Unreadable files",
      "data_quality.sql: Failing checks, with Deequ's message", "data_quality.sql: Volume anomalies flagged");

  static Stream<String> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList().stream();
    }
  }

  private static final Map<String, NotebookRun> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

  /** Runs a notebook (once per JVM) with its defaults against the demo lake; keeps its HTML report under target/. */
  static synchronized NotebookRun run(String name) throws IOException {
    NotebookRun done = RUNS.get(name);
    if (done != null) {
      return done;
    }
    Notebook notebook = NotebookParser.parse(name, Files.readString(NOTEBOOKS.resolve(name)));
    NotebookRun run = new NotebookRunner(DemoLake.spark(), 500).run(notebook, Map.of());
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve(name.replace(".sql", ".html")), HtmlReport.render(run, Instant.now()));
    RUNS.put(name, run);
    return run;
  }

  @ParameterizedTest
  @MethodSource("notebooks")
  void runsEveryCellWithRowsWhereTheDemoHasData(String name) throws IOException {
    NotebookRun run = run(name);
    assertThat(run.failures()).as("failed cells of %s", name)
        .extracting(f -> "cell " + f.cell().number() + ": " + f.error()).isEmpty();
    for (CellOutcome outcome : run.outcomes()) {
      NotebookCell cell = outcome.cell();
      String label = name + ": " + cell.title();
      boolean query = cell.kind() == NotebookCell.Kind.SQL && !cell.statements().isEmpty()
          && !cell.statements().get(cell.statements().size() - 1).toUpperCase().contains("TEMPORARY VIEW");
      if (!query || cell.requires().contains("panther_views.all_logs")
          || cell.requires().contains("panther_views.all_rule_errors")
          || cell.requires().contains("panther_rule_errors.aws_cloudtrail")) {
        // Views and error tables come from other jobs (or tests sharing this lake): these cells may be skipped.
        continue;
      }
      assertThat(outcome.skipped()).as("%s was skipped", label).isNull();
      if (!EMPTY_WHEN_HEALTHY.contains(label)) {
        assertThat(outcome.result().rows()).as("rows of %s", label).isNotEmpty();
      }
      if (cell.chart() != null) {
        assertThat(outcome.chart().series()).as("chart of %s", label).isNotEmpty();
      }
    }
  }

  @org.junit.jupiter.api.Test
  void thereIsANotebookForEachTopicOfTheIssue() throws IOException {
    assertThat(notebooks().toList()).contains("alert_triage.sql", "data_quality.sql", "indicator_pivot.sql",
        "ingest_volume.sql", "pipeline_health.sql", "rule_trends.sql", "user_timeline.sql");
  }
}
