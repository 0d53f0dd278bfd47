package dev.tarn.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {
  private static NotebookRun run(String cells, Map<String, String> params) {
    Notebook notebook = NotebookParser.parse("t.sql", "-- Databricks notebook source\n" + cells);
    return new NotebookRunner(TestLake.spark(), 10).run(notebook, params);
  }

  @Test
  void aFailingCellIsReportedAndTheNextCellsStillRun() {
    NotebookRun run = run("SELECT * FROM nb_runner_no_such_table\n-- COMMAND ----------\nSELECT 1 AS one", Map.of());
    assertThat(run.failures()).singleElement().satisfies(f -> {
      assertThat(f.cell().number()).isEqualTo(1);
      assertThat(f.failedStatement()).isEqualTo("SELECT * FROM nb_runner_no_such_table");
      assertThat(f.error()).contains("nb_runner_no_such_table");
    });
    assertThat(run.outcomes().get(1).result().rows()).containsExactly(List.of(1));
  }

  @Test
  void widgetValuesAreBoundAsParametersNotPastedIntoTheSql() {
    String value = "x' OR '1'='1";
    NotebookRun run = run("CREATE WIDGET TEXT v DEFAULT 'a'\n-- COMMAND ----------\nSELECT :v AS v",
        Map.of("v", value));
    assertThat(run.outcomes().get(1).result().rows()).containsExactly(List.of(value));
  }

  @Test
  void aCellWhoseRequiredTableIsMissingIsSkippedNotFailed() {
    NotebookRun run = run("-- requires: tarn_system.nb_runner_missing\nSELECT 1", Map.of());
    assertThat(run.failures()).isEmpty();
    assertThat(run.outcomes().get(0).skipped()).contains("tarn_system.nb_runner_missing");
  }

  @Test
  void keepsAtMostMaxRowsAndSaysTheResultWasTruncated() {
    QueryResult result = run("SELECT id FROM range(25)", Map.of()).outcomes().get(0).result();
    assertThat(result.rows()).hasSize(10);
    assertThat(result.truncated()).isTrue();
  }
}
