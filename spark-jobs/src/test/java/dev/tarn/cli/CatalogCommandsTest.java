package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line handling of gluesync and views that needs no Spark session. */
class CatalogCommandsTest {

  @Test
  void gluesyncRejectsAnEndpointThatIsNotAUrlBeforeStartingAnything() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TarnCli.execute("gluesync", "--endpoint", "glue.local", "--dry-run");
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: invalid --endpoint 'glue.local'")
        .doesNotContain("\tat ");
  }

  @Test
  void helpListsGluesyncAndViews() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      TarnCli.execute("--help");
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("gluesync", "Publish the lake's databases", "views");
  }
}
