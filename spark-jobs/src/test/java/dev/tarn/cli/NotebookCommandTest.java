package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.testing.TestLake;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code tarn notebook run} refuses, before starting Spark, what the user must fix. */
class NotebookCommandTest {
  private static String errorOf(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TarnCli.execute(args);
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    return err.toString(StandardCharsets.UTF_8);
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
