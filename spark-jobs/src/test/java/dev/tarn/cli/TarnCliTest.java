package dev.tarn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TarnCliTest {

  @Test
  void helpListsEverySubcommandWithADescription() {
    String help = run("--help");
    assertThat(help).contains("demo", "generate", "ingest", "logtypes", "sql");
    assertThat(help).contains("Stream landed log files", "Run Spark SQL against the lake");
  }

  @Test
  void aBadConfigValueIsReportedWithoutAStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TarnCli.execute("ingest", "--once", "--set", "ingest.trigger=never");
    } finally {
      System.setErr(original);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("error: --set ingest.trigger: invalid value for ingest.trigger: 'never'")
        .doesNotContain("\tat ");
  }

  private static String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      TarnCli.execute(args);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
