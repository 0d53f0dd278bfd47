package dev.tarn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tarn.cli.TarnCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process for a command the user must fix: asserts exit status 2 and no stack trace, and returns what it printed to stderr. */
public final class CliErrors {
  private CliErrors() {}

  public static String errorOf(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = TarnCli.execute(args);
    } finally {
      System.setErr(original);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isEqualTo(2);
    assertThat(text).as("a user error is reported without a stack trace").doesNotContain("\tat ");
    return text;
  }
}
