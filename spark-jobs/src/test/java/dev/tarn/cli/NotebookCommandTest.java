package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.CliErrors;
import dev.tarn.testing.TestLake;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code tarn notebook run} refuses, before starting Spark, what the user must fix. */
class NotebookCommandTest {
  private static String errorOf(String... args) {
    return CliErrors.errorOf(args);
  }

  @Test
  void anUnknownParameterNamesTheNotebooksWidgets() throws Exception {
    Path notebook = TestLake.newDirectory("notebook-cli").resolve("n.sql");
    Files.writeString(notebook, "-- Databricks notebook source\nCREATE WIDGET TEXT ip DEFAULT '1.2.3.4';\n"
        + "CREATE WIDGET TEXT days DEFAULT '7'\n\n-- COMMAND ----------\n\nSELECT :ip\n");
    assertThat(errorOf("notebook", "run", notebook.toString(), "--param", "user=bob"))
        .contains("error: notebook n.sql has no widget 'user' (its widgets: ip, days)");
  }

  @Test
  void aMissingNotebookFileIsNamed() {
    assertThat(errorOf("notebook", "run", "no-such-notebook.sql")).contains("notebook no-such-notebook.sql does not exist");
  }
}
