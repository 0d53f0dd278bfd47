package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TarnProcess;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code tarn notebook run} as a user runs it (its own JVM and lake): a failing cell is reported with its number,
 * statement and error, the later cells still run, the report is written, and the exit code is 1.
 */
class NotebookRunCommandTest {
  @Test
  void reportsAFailingCellRunsTheRestWritesTheReportAndExitsWithOne() throws Exception {
    Path work = TestLake.newDirectory("notebook-run-cli");
    Files.writeString(work.resolve("check.sql"), """
        -- Databricks notebook source
        -- MAGIC %md
        -- MAGIC # Check

        -- COMMAND ----------

        CREATE WIDGET TEXT who DEFAULT 'alice'

        -- COMMAND ----------

        -- chart: bar x=who y=n
        SELECT :who AS who, 3 AS n

        -- COMMAND ----------

        SELECT * FROM panther_logs.no_such_table

        -- COMMAND ----------

        SELECT 'after the failure' AS still_runs
        """);
    try (TarnProcess tarn = TarnProcess.builder("notebook-run").heap("1g").workDirectory(work)
        .start("notebook", "run", "check.sql", "--lake", work.resolve("lake").toString(), "--param", "who=bob",
            "--html", "out/check.html")) {
      assertThat(tarn.awaitExit(Duration.ofMinutes(3))).as(tarn.tail()).isEqualTo(1);
      String output = Files.readString(tarn.output());
      assertThat(output).contains("FAILED: cell 4, statement:", "SELECT * FROM panther_logs.no_such_table",
          "after the failure", "5 cells, 1 failed: 4");
      String html = Files.readString(work.resolve("out/check.html"));
      assertThat(html).contains("Cell 4 failed.", "who=bob", "data-chart=\"3\"", "after the failure");
    }
  }
}
